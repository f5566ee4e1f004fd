/**
 * The simulated backend: deterministic per seed, with a latency model (time to first token,
 * prefill and decode rates), token accounting, and per-step error injection on top of the packs'
 * {@link io.stepcache.spi.sim.ModelOracle}s. Used by tests (virtual clock) and benchmarks (real
 * clock); never a stand-in for correctness claims about a real model.
 */
package io.stepcache.engine.backend.sim;
