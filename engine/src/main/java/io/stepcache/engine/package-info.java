/**
 * The StepCache engine: the request pipeline of docs/architecture.md, "The request pipeline" (route, analyse, retrieve,
 * guard, rebind, verify, patch, stitch, store) behind {@link io.stepcache.engine.StepCacheEngine}.
 *
 * <p>Plain Java. The step store ({@link io.stepcache.engine.store.StepStore}), the model backend
 * ({@link io.stepcache.engine.backend.Backend}) and the rule engine ({@link
 * io.stepcache.engine.verify.RuleEngine}) are ports implemented elsewhere (Infinispan in {@code
 * liberty}, Drools in {@code rules}).
 */
package io.stepcache.engine;
