package io.stepcache.engine.trust;

import io.stepcache.engine.trust.internal.BackgroundTrustWorker;

/**
 * Runs confirmation and audit jobs off the request path. {@link #submit} never blocks: a full
 * queue refuses the job, and the engine counts it as skipped.
 */
public interface TrustWorker extends AutoCloseable {

  /** Queues {@code job}; false when the queue is full (the job is skipped). */
  boolean submit(Runnable job);

  /** Jobs waiting. */
  int pending();

  /** Stops taking jobs; jobs still queued are dropped. */
  @Override
  void close();

  /** One daemon thread with a bounded queue (the server's worker). */
  static TrustWorker background(int capacity) {
    return new BackgroundTrustWorker(capacity);
  }

  /**
   * A queue that runs only when asked ({@link DeferredTrustWorker#runPending()}): deterministic
   * tests and benchmarks.
   */
  static DeferredTrustWorker deferred(int capacity) {
    return new DeferredTrustWorker(capacity);
  }
}
