package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;

/**
 * One system under test: it serves the workload's requests one by one and says what it served.
 * A fresh instance per (system, seed): caches start empty. Not thread-safe.
 */
public interface BenchSystem extends AutoCloseable {

  /** The name in tables, JSON rows and plots, e.g. {@code stepcache}. */
  String name();

  /** Serves one request. Never throws for a request the system cannot serve: returns an ERROR. */
  Served serve(BenchRequest request);

  @Override
  default void close() {}
}
