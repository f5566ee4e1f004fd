/**
 * The pack host: how task packs get into a running StepCache.
 *
 * <ul>
 *   <li>{@link io.stepcache.packhost.PackLoader} turns a {@code TaskPack} into a {@link
 *       io.stepcache.engine.pack.LoadedPack} (SPI range, declared settings checked by {@link
 *       io.stepcache.packhost.PackSettings}, rules compiled, started);
 *   <li>{@link io.stepcache.packhost.PackManager} deploys, replaces and removes pack jars, each in
 *       its own {@link io.stepcache.packhost.PackClassLoader} (shares only the SPI with the host),
 *       staged by {@link io.stepcache.packhost.PackArchive}; {@link
 *       io.stepcache.packhost.PackDirectoryWatcher} feeds it from the packs directory.
 * </ul>
 */
package io.stepcache.packhost;
