package io.stepcache.identity;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A request refused for who sent it; the server maps {@link #reason()} to its status (401, 403, 429). */
public final class AccessRefusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a request is refused. */
  public enum Reason {
    /** No credential, or one that is malformed, unknown, wrong or revoked. */
    UNAUTHENTICATED,
    /** A valid credential that may not do this (another tenant, no administrator). */
    FORBIDDEN,
    /** Too many failed authentications from this source or for this user: wait {@link #retryAfter()}. */
    THROTTLED
  }

  private final Reason reason;
  private final transient Duration retryAfter;

  private AccessRefusal(Reason reason, String message, Duration retryAfter) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryAfter = retryAfter;
  }

  /** No usable credential. */
  public static AccessRefusal unauthenticated(String message) {
    return new AccessRefusal(Reason.UNAUTHENTICATED, message, null);
  }

  /** A credential that may not do this. */
  public static AccessRefusal forbidden(String message) {
    return new AccessRefusal(Reason.FORBIDDEN, message, null);
  }

  /** Refused by the {@link AuthThrottle}. */
  public static AccessRefusal throttled(AuthThrottle.Refusal refusal) {
    String what = refusal.locked() ? "locked out" : "delayed";
    return new AccessRefusal(Reason.THROTTLED, "Too many failed authentications from this " + refusal.subject()
        + ": " + what + ", retry after " + refusal.retryAfter().toSeconds() + " s", refusal.retryAfter());
  }

  /** Why. */
  public Reason reason() {
    return reason;
  }

  /** How long to wait before retrying ({@link Reason#THROTTLED} only). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
