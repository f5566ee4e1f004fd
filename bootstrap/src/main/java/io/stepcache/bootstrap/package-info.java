/**
 * The one wiring of StepCache: {@link io.stepcache.bootstrap.StepCacheSetup} says what to run (packs,
 * rule engine, backend, store, clock, engine settings, hot deployment), {@link
 * io.stepcache.bootstrap.StepCacheSetup#start()} builds it in the one right order and gives a {@link
 * io.stepcache.bootstrap.RunningStepCache} that closes it in reverse. The server ({@code liberty}),
 * the pack test kit ({@code testkit}) and the benchmarks ({@code bench}) all start StepCache here, so
 * every one of them gets the same pack hold, class-loader switch and trust worker.
 */
package io.stepcache.bootstrap;
