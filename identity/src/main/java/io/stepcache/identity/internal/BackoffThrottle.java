package io.stepcache.identity.internal;

import io.stepcache.engine.time.Clock;
import io.stepcache.identity.AuthThrottle;
import io.stepcache.identity.ThrottlePolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link AuthThrottle} with exponential delays and a lock, counters in a bounded least-recently-used map. */
public final class BackoffThrottle implements AuthThrottle {

  private static final class Counter {
    int failures;
    long lastFailure;
    long blockedUntil;
    boolean locked;
  }

  private final ThrottlePolicy policy;
  private final Clock clock;
  private final Map<String, Counter> counters;

  public BackoffThrottle(ThrottlePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.counters = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
        return size() > policy.maxTracked();
      }
    };
  }

  @Override
  public synchronized Optional<Refusal> admit(String source, String user) {
    long now = clock.nanoTime();
    Optional<Refusal> refusal = refusal("source", "s:" + source, now);
    if (refusal.isEmpty() && user != null) {
      refusal = refusal("user", "u:" + user, now);
    }
    if (refusal.isEmpty()) {
      return refusal;
    }
    failedAt(source, user, now); // hammering during a delay counts, and the answer says how long to wait now
    Optional<Refusal> updated = refusal("source", "s:" + source, now);
    return updated.isPresent() || user == null ? updated : refusal("user", "u:" + user, now);
  }

  @Override
  public synchronized void failed(String source, String user) {
    failedAt(source, user, clock.nanoTime());
  }

  private void failedAt(String source, String user, long now) {
    fail("s:" + source, now);
    if (user != null) {
      fail("u:" + user, now);
    }
  }

  @Override
  public synchronized void succeeded(String source, String user) {
    if (user != null) {
      counters.remove("u:" + user);
    }
  }

  private Optional<Refusal> refusal(String subject, String key, long now) {
    Counter c = current(key, now);
    if (c == null || now >= c.blockedUntil) {
      return Optional.empty();
    }
    long seconds = Math.max(1, (c.blockedUntil - now + 999_999_999L) / 1_000_000_000L);
    return Optional.of(new Refusal(Duration.ofSeconds(seconds), c.locked, subject));
  }

  private void fail(String key, long now) {
    Counter c = current(key, now);
    if (c == null) {
      c = new Counter();
      counters.put(key, c);
    }
    if (c.locked) {
      return; // a lock runs its course; failures during it do not extend it
    }
    c.failures++;
    c.lastFailure = now;
    if (c.failures >= policy.lockAfter()) {
      c.locked = true;
      c.blockedUntil = now + policy.lockFor().toNanos();
    } else if (c.failures > policy.freeFailures()) {
      int doublings = Math.min(30, c.failures - policy.freeFailures() - 1);
      long cap = Math.min(policy.maxDelay().toNanos(), policy.lockFor().toNanos()); // a delay never outlasts the lock
      long delay = Math.min(cap, policy.firstDelay().toNanos() << doublings);
      c.blockedUntil = Math.max(c.blockedUntil, now + delay);
    }
  }

  /** The live counter under {@code key}: one whose lock ended, or whose last failure is old, is forgotten. */
  private Counter current(String key, long now) {
    Counter c = counters.get(key);
    if (c == null) {
      return null;
    }
    boolean lockOver = c.locked && now >= c.blockedUntil;
    boolean stale = !c.locked && now - c.lastFailure >= policy.lockFor().toNanos();
    if (lockOver || stale) {
      counters.remove(key);
      return null;
    }
    return c;
  }
}
