package io.stepcache.engine.time;

import java.time.Duration;

/** A monotonic clock that can also wait. */
public interface Clock {

  /** Monotonic nanoseconds (only differences are meaningful). */
  long nanoTime();

  /** Waits for {@code duration}: sleeps on the system clock, advances a virtual one. */
  void sleep(Duration duration);

  /** The real clock. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
