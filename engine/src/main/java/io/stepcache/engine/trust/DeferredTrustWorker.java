package io.stepcache.engine.trust;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link TrustWorker} whose jobs run on the caller's thread when it calls {@link #runPending()}:
 * tests and benchmarks decide when background work happens, so runs are reproducible. Thread-safe.
 */
public final class DeferredTrustWorker implements TrustWorker {

  private final int capacity;
  private final Deque<Runnable> queue = new ArrayDeque<>();
  private boolean closed;

  DeferredTrustWorker(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized boolean submit(Runnable job) {
    if (closed || queue.size() >= capacity) {
      return false;
    }
    queue.add(job);
    return true;
  }

  @Override
  public synchronized int pending() {
    return queue.size();
  }

  /** Runs queued jobs, including those they queue, in order; returns how many ran. */
  public int runPending() {
    int ran = 0;
    for (Runnable job = next(); job != null; job = next()) {
      job.run();
      ran++;
    }
    return ran;
  }

  private synchronized Runnable next() {
    return queue.pollFirst();
  }

  @Override
  public synchronized void close() {
    closed = true;
    queue.clear();
  }
}
