/**
 * JMH micro-benchmarks (README.md): the checkpoint planner's solve time and the engine's REUSE path,
 * in process. Nothing here runs in the build's tests beyond a smoke test of each benchmark body.
 */
package io.stepcache.microbench;
