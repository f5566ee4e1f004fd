/**
 * Time as the engine sees it: the system clock for servers and benchmarks, a virtual clock for
 * fast deterministic tests (the simulated backend advances it instead of sleeping).
 */
package io.stepcache.engine.time;
