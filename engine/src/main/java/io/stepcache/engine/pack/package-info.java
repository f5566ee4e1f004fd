/**
 * Task packs at run time: loading, isolating, routing and hot-deploying them.
 *
 * <ul>
 *   <li>{@link io.stepcache.engine.pack.PackLoader} turns a {@code TaskPack} into a {@link
 *       io.stepcache.engine.pack.LoadedPack} (SPI range, rules compiled, started);
 *   <li>{@link io.stepcache.engine.pack.PackRegistry} holds the live packs as an immutable snapshot
 *       (copy-on-write) and hands requests a held pack;
 *   <li>{@link io.stepcache.engine.pack.PackManager} deploys, replaces and removes pack jars, each in
 *       its own {@link io.stepcache.engine.pack.PackClassLoader} (shares only the SPI with the
 *       host), staged by {@link io.stepcache.engine.pack.PackArchive}; {@link
 *       io.stepcache.engine.pack.PackDirectoryWatcher} feeds it from the packs directory.
 * </ul>
 */
package io.stepcache.engine.pack;
