/**
 * The sparse-checkpoint benchmark (issue 6): the planner's solve times, and re-prefill tokens and
 * PATCH latency per checkpoint policy and budget on StepBench traffic through the real engine.
 */
package io.stepcache.bench.checkpoint;
