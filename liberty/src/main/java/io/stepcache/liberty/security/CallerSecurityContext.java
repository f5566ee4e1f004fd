package io.stepcache.liberty.security;

import io.stepcache.identity.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The security context of a request that carried a valid key: its principal and its one role. */
record CallerSecurityContext(Caller caller, boolean secure) implements SecurityContext {

  /** The authentication scheme named in challenges and here. */
  static final String SCHEME = "Bearer";

  @Override
  public Principal getUserPrincipal() {
    return new CallerPrincipal(caller);
  }

  @Override
  public boolean isUserInRole(String role) {
    return caller.role().wireName().equals(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return SCHEME;
  }
}
