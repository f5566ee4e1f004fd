/**
 * CDI wiring: {@link io.stepcache.liberty.cdi.StepCacheSettings} reads every {@code stepcache.*}
 * setting from MicroProfile Config (defaults in {@code META-INF/microprofile-config.properties});
 * {@link io.stepcache.liberty.cdi.StepCacheRuntime} builds the store, the rules, the packs, the
 * backend and the engine when the application starts and closes them when it stops.
 */
package io.stepcache.liberty.cdi;
