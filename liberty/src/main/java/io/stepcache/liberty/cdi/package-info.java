/**
 * CDI wiring: {@link io.stepcache.liberty.cdi.StepCacheSettings} reads every {@code stepcache.*}
 * setting from MicroProfile Config through the {@code @ConfigProperties} beans of
 * {@code io.stepcache.liberty.config} (each default written once, in those beans or in
 * {@code EngineConfig.defaults()});
 * {@link io.stepcache.liberty.cdi.StepCacheRuntime} builds the store, the rules, the packs, the
 * backend and the engine when the application starts and closes them when it stops.
 */
package io.stepcache.liberty.cdi;
