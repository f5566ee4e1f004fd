package io.stepcache.engine.time;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import java.time.Duration;

/** {@link System#nanoTime()} and {@link Thread#sleep}. */
final class SystemClock implements Clock {
  static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepCacheException(ErrorCode.BACKEND_TIMEOUT, "Interrupted while waiting for the backend", e);
    }
  }
}
