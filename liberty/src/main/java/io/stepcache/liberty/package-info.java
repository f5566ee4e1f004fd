/**
 * The Open Liberty application of StepCache: it wires the plain-Java engine ({@code
 * io.stepcache.engine}) to Jakarta EE and MicroProfile.
 *
 * <ul>
 *   <li>{@link io.stepcache.liberty.cdi}: settings from MicroProfile Config and the engine's
 *       lifecycle (built at application start, closed at stop);
 *   <li>{@link io.stepcache.liberty.rest}: the JAX-RS API ({@code /api/v1/...}) and its {@code
 *       application/problem+json} errors;
 *   <li>{@link io.stepcache.store.infinispan}: the Infinispan step store (the only package that may
 *       use Infinispan types);
 *   <li>{@link io.stepcache.liberty.health} and {@link io.stepcache.liberty.metrics}: MicroProfile
 *       Health checks and Metrics.
 * </ul>
 */
package io.stepcache.liberty;
