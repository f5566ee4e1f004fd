package io.stepcache.liberty.security;

import io.stepcache.identity.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** The authenticated caller as the request's principal; its name is the key id. */
public record CallerPrincipal(Caller caller) implements Principal {

  @Override
  public String getName() {
    return caller.keyId();
  }

  /** The caller of the request {@code security} belongs to, empty when it came without a key. */
  public static Optional<Caller> of(SecurityContext security) {
    Principal p = security == null ? null : security.getUserPrincipal();
    return p instanceof CallerPrincipal c ? Optional.of(c.caller()) : Optional.empty();
  }
}
