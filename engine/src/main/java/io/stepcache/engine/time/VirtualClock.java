package io.stepcache.engine.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when told to. Sleeping advances it at once, so a test that simulates
 * seconds of model latency runs in microseconds and still reports the simulated latency.
 *
 * <p>Shared by all threads: concurrent sleeps add up, which is right for a single simulated model
 * server but means latencies under concurrency are not per-request wall times.
 */
public final class VirtualClock implements Clock {

  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    if (!duration.isNegative()) {
      nanos.addAndGet(duration.toNanos());
    }
  }
}
