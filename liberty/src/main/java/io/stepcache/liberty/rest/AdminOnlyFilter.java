package io.stepcache.liberty.rest;

import io.stepcache.identity.AccessRefusal;
import io.stepcache.identity.Caller;
import io.stepcache.identity.Role;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.security.AccessResponses;
import io.stepcache.liberty.security.CallerPrincipal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lets only callers with an {@link Role#ADMIN} key through to {@link AdminOnly} resources ({@link
 * io.stepcache.liberty.security.CallerFilter} has authenticated the key): 401 with a Bearer challenge without a
 * key, 403 for a key of another role, both as problem+json.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AdminOnlyFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(AdminOnlyFilter.class.getName());

  @Inject StepCacheMetrics metrics;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Caller> caller = CallerPrincipal.of(request.getSecurityContext());
    AccessRefusal refusal = null;
    if (caller.isEmpty()) {
      refusal = AccessRefusal.unauthenticated(
          "Administration needs an administrator: send 'Authorization: Bearer <key>' with a key of role 'admin'");
    } else if (!caller.get().isAdmin()) {
      Caller c = caller.get();
      LOG.warning(() -> "Key " + c.keyId() + " (" + c.role().wireName() + ", tenant " + c.tenant()
          + ") was refused administration: " + request.getMethod() + " " + request.getUriInfo().getPath());
      refusal = AccessRefusal.forbidden("Key " + c.keyId() + " has role '" + c.role().wireName()
          + "'; administration needs role 'admin'");
    }
    if (refusal != null) {
      metrics.failed(AccessResponses.code(refusal));
      request.abortWith(AccessResponses.of(refusal, false));
    }
  }
}
