package io.stepcache.identity;

import io.stepcache.engine.time.Clock;
import io.stepcache.identity.internal.BackoffThrottle;
import java.time.Duration;
import java.util.Optional;

/**
 * Slows down and then locks out whoever keeps presenting wrong credentials, per source (the client's address) and
 * per user (the key id or user name it claims). Ask {@link #admit} before checking a credential, so a right
 * credential during a lock is still refused; report the outcome with {@link #failed} or {@link #succeeded}.
 */
public interface AuthThrottle {

  /** A throttle following {@code policy} on {@code clock}. */
  static AuthThrottle backoff(ThrottlePolicy policy, Clock clock) {
    return new BackoffThrottle(policy, clock);
  }

  /**
   * Why an attempt is refused before its credential is checked.
   *
   * @param retryAfter how long until the next attempt is admitted (at least a second)
   * @param locked whether this is the lock rather than a backoff delay
   * @param subject which counter refused ({@code source} or {@code user})
   */
  record Refusal(Duration retryAfter, boolean locked, String subject) {}

  /**
   * Whether an attempt from {@code source} as {@code user} may be checked now. A refused attempt counts as a
   * failure.
   *
   * @param source the client's address
   * @param user the claimed user or key id, or {@code null} when the attempt names none
   */
  Optional<Refusal> admit(String source, String user);

  /** Records a failed attempt. */
  void failed(String source, String user);

  /** Records a successful attempt: the user's counter is forgotten (the source's decays on its own). */
  void succeeded(String source, String user);
}
