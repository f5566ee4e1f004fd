/**
 * The pipeline's implementation: {@link io.stepcache.engine.internal.DefaultStepCacheEngine}
 * routes and picks the path; {@link io.stepcache.engine.internal.StepVerifier} runs the pack's
 * rules with the shared facts; {@link io.stepcache.engine.internal.Repairer} drives the pack's
 * repair strategies; {@link io.stepcache.engine.internal.MeteredModel} counts what each request
 * spends on the backend.
 */
package io.stepcache.engine.internal;
