/**
 * Loading task packs and keeping the live set: {@link io.stepcache.engine.pack.PackRegistry} holds
 * an immutable snapshot of {@link io.stepcache.engine.pack.LoadedPack}s.
 */
package io.stepcache.engine.pack;
