package io.stepcache.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * How failed authentications are slowed down: after {@code freeFailures} failures of one source or one user each
 * further attempt waits {@code firstDelay}, doubling up to {@code maxDelay} (and never longer than the lock); at {@code lockAfter} failures the
 * source or user is locked for {@code lockFor}. Attempts made while waiting count as failures (hammering is the
 * signal), and a counter is forgotten {@code lockFor} after its last failure.
 *
 * @param freeFailures failures allowed without delay
 * @param firstDelay the first delay
 * @param maxDelay the longest delay before the lock
 * @param lockAfter failures that lock
 * @param lockFor how long a lock lasts
 * @param maxTracked how many sources and users are remembered (least recently failed forgotten first)
 */
public record ThrottlePolicy(
    int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor, int maxTracked) {

  /** The defaults: 5 free failures, 1 s doubling to 30 s, locked for 15 minutes at 20 failures. */
  public static ThrottlePolicy defaults() {
    return new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), 20, Duration.ofMinutes(15), 100_000);
  }

  public ThrottlePolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(lockFor, "lockFor");
    if (freeFailures < 0 || lockAfter <= freeFailures || maxTracked < 1) {
      throw new IllegalArgumentException("A throttle needs 0 <= freeFailures < lockAfter and maxTracked >= 1, got "
          + freeFailures + ", " + lockAfter + ", " + maxTracked);
    }
    if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || lockFor.isNegative() || lockFor.isZero()) {
      throw new IllegalArgumentException("A throttle needs 0 <= firstDelay <= maxDelay and a positive lockFor");
    }
  }

  /** The same policy locking for {@code duration}. */
  public ThrottlePolicy withLockFor(Duration duration) {
    return new ThrottlePolicy(freeFailures, firstDelay, maxDelay, lockAfter, duration, maxTracked);
  }

  /** The same policy locking at {@code failures}. */
  public ThrottlePolicy withLockAfter(int failures) {
    return new ThrottlePolicy(Math.min(freeFailures, failures - 1), firstDelay, maxDelay, failures, lockFor, maxTracked);
  }
}
