/**
 * Repair of failing extractions, in order: {@link io.stepcache.packs.json.repair.FocusedKeyRepair}
 * (drops keys the request no longer names without a call; one compact model call for the failing
 * and missing keys only), {@link io.stepcache.packs.json.repair.FreshGeneration} (one full
 * generation), then the focused key repair again on what the fresh generation got wrong (PATCH
 * only, so a request makes at most 3 model calls). Each keeps the better of its result and the
 * steps it was given.
 */
package io.stepcache.packs.json.repair;
