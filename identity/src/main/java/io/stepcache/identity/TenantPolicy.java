package io.stepcache.identity;

import io.stepcache.engine.CompletionRequest;
import java.util.Optional;

/**
 * The tenant of a request comes from its credential. A request may repeat its own tenant (a body field or a
 * header); naming another one is refused, never silently re-scoped. Only a {@link Role#GATEWAY} key, and only in
 * trusted-gateway mode, names the tenant of each request: a gateway that authenticates its users in front of us.
 *
 * @param mode whether calls without a key are served (on the default tenant)
 * @param trustedGateway whether gateway keys are accepted
 */
public record TenantPolicy(SecurityMode mode, boolean trustedGateway) {

  /**
   * The tenant a request is served on.
   *
   * @param caller who sent it, empty when it carried no credential
   * @param claimed the tenant the request names (body field or header), or {@code null}
   * @throws AccessRefusal when an anonymous call is not allowed or the claimed tenant is not the caller's
   */
  public String tenantOf(Optional<Caller> caller, String claimed) {
    String named = claimed == null || claimed.isBlank() ? null : claimed.strip();
    if (caller.isEmpty()) {
      checkAnonymousAllowed();
      if (named != null && !named.equals(CompletionRequest.DEFAULT_TENANT)) {
        throw AccessRefusal.forbidden("Calls without a key may use only the '" + CompletionRequest.DEFAULT_TENANT
            + "' tenant, not '" + named + "': send the key of that tenant");
      }
      return CompletionRequest.DEFAULT_TENANT;
    }
    Caller c = caller.get();
    if (c.role() == Role.GATEWAY) {
      if (!trustedGateway) {
        throw AccessRefusal.forbidden("Gateway key " + c.keyId()
            + " is accepted only in trusted-gateway mode (stepcache.security.trustedGateway=true)");
      }
      return named != null ? named : c.tenant();
    }
    if (named != null && !named.equals(c.tenant())) {
      throw AccessRefusal.forbidden("Key " + c.keyId() + " is bound to tenant '" + c.tenant()
          + "' and may not use tenant '" + named + "'");
    }
    return c.tenant();
  }

  /**
   * Refuses a call without a credential unless in {@link SecurityMode#DEV}.
   *
   * @throws AccessRefusal {@code UNAUTHENTICATED} in production mode
   */
  public void checkAnonymousAllowed() {
    if (mode == SecurityMode.PRODUCTION) {
      throw AccessRefusal.unauthenticated(
          "This server needs an API key: send 'Authorization: Bearer <key>' (keys are issued by an administrator)");
    }
  }

  /**
   * Whether the OpenAI {@code user} field names the tenant: only for a gateway key in trusted-gateway mode; for
   * every other caller it is what OpenAI defines it as, an end-user id, and not a tenant.
   */
  public boolean userFieldIsTenant(Optional<Caller> caller) {
    return trustedGateway && caller.map(c -> c.role() == Role.GATEWAY).orElse(false);
  }
}
