/**
 * The packs the pipeline serves: {@link io.stepcache.engine.pack.LoadedPack} (a started pack, its
 * compiled rules and its hold count), {@link io.stepcache.engine.pack.PackRegistry} (the live
 * packs as an immutable copy-on-write snapshot; routes a request to a held pack), {@link
 * io.stepcache.engine.pack.ContextClassLoader} (pack code runs with its own class loader as the
 * thread's context class loader) and {@link io.stepcache.engine.pack.PackRejection} (the one
 * message a refused pack gets). How packs are found, isolated and hot-deployed is the pack host's
 * job (module {@code pack-host}, package {@code io.stepcache.packhost}).
 */
package io.stepcache.engine.pack;
