/**
 * StepBench: the paper's perturbation benchmark run against StepCache and the alternatives users
 * would pick (no cache, an exact-match cache, a semantic whole-response cache), with the same
 * workload, the same simulated model and the same judges. Entry point: {@link io.stepcache.bench.StepBench}.
 */
package io.stepcache.bench;
