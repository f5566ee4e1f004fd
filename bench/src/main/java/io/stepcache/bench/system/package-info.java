/**
 * The systems under test: no cache, an exact-match response cache, a semantic (MiniLM) response
 * cache, and StepCache in process or over HTTP; each serves the same workload from the same
 * simulated model.
 */
package io.stepcache.bench.system;
