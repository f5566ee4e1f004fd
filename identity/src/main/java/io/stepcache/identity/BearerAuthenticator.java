package io.stepcache.identity;

import io.stepcache.identity.internal.KeyFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a request's {@code Authorization} header into a caller, as OpenAI clients send keys ({@code Bearer
 * <key>}), through the throttle: asked before the key is checked, told the outcome after.
 */
public final class BearerAuthenticator {

  private static final String BEARER = "bearer ";

  private final ApiKeys keys;
  private final AuthThrottle throttle;

  public BearerAuthenticator(ApiKeys keys, AuthThrottle throttle) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
  }

  /**
   * The caller behind {@code authorization}.
   *
   * @param source the client's address (the throttle's per-source counter)
   * @param authorization the {@code Authorization} header, or {@code null}
   * @return the caller, or empty when the request carries no {@code Authorization} header at all
   * @throws AccessRefusal {@code THROTTLED} while this source or key id is delayed or locked, else {@code
   *     UNAUTHENTICATED} for a header that is not a valid, active key
   */
  public Optional<Caller> authenticate(String source, String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    boolean bearer = authorization.length() > BEARER.length()
        && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
    String key = bearer ? authorization.substring(BEARER.length()).strip() : null;
    String user = key == null ? null : KeyFormat.idOf(key).orElse(null);
    throttle.admit(source, user).ifPresent(refusal -> {
      throw AccessRefusal.throttled(refusal);
    });
    if (!bearer) {
      throttle.failed(source, null);
      throw AccessRefusal.unauthenticated(
          "Send the API key as 'Authorization: Bearer <key>'; other schemes (HTTP Basic) are not accepted");
    }
    Optional<Caller> caller = keys.authenticate(key);
    if (caller.isEmpty()) {
      throttle.failed(source, user);
      throw AccessRefusal.unauthenticated("The API key is not valid: unknown, revoked or mistyped");
    }
    throttle.succeeded(source, user);
    return caller;
  }
}
