/**
 * The Infinispan implementation of the engine's {@link io.stepcache.engine.store.StepStore} port.
 * Infinispan types must not leak out of this package (an ArchUnit test enforces it).
 */
package io.stepcache.store.infinispan;
