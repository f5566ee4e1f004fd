/**
 * Repair of failing extractions, in order: {@link io.stepcache.packs.json.repair.OneShotRepair}
 * (one model call that is shown the findings; only the failing keys when most keys pass) and then
 * {@link io.stepcache.packs.json.repair.FreshGeneration} (one full generation). Each keeps the
 * better of its result and the steps it was given.
 */
package io.stepcache.packs.json.repair;
