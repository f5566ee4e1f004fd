/**
 * The step store port and its value types. Only verified output is ever written. The engine talks
 * to the store only through {@link io.stepcache.engine.store.StepStore}; Infinispan (in {@code
 * liberty}) and {@link io.stepcache.engine.store.InMemoryStepStore} (tests, in-process) implement
 * it.
 */
package io.stepcache.engine.store;
