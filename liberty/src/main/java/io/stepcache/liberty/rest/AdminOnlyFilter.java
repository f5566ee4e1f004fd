package io.stepcache.liberty.rest;

import io.stepcache.identity.AccessRefusal;
import io.stepcache.identity.Caller;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.security.AccessResponses;
import io.stepcache.liberty.security.CallerPrincipal;
import io.stepcache.liberty.security.Identities;
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
 * Lets only callers with an {@code admin} key through to {@link AdminOnly} resources ({@link
 * io.stepcache.liberty.security.CallerFilter} has authenticated the key; {@link io.stepcache.identity.AdminPolicy}
 * decides): 401 with a Bearer challenge without a key, 403 for a key of another role or, with {@code
 * stepcache.security.adminHttpsOnly}, over plain HTTP, all as problem+json.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AdminOnlyFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(AdminOnlyFilter.class.getName());

  @Inject StepCacheMetrics metrics;
  @Inject Identities identities;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Caller> caller = CallerPrincipal.of(request.getSecurityContext());
    try {
      identities.adminPolicy().check(caller, request.getSecurityContext().isSecure());
    } catch (AccessRefusal refusal) {
      caller.ifPresent(c -> LOG.warning(() -> "Key " + c.keyId() + " (" + c.role().wireName() + ", tenant "
          + c.tenant() + ") was refused administration: " + request.getMethod() + " " + request.getUriInfo().getPath()
          + ": " + refusal.getMessage()));
      metrics.failed(AccessResponses.code(refusal));
      request.abortWith(AccessResponses.of(refusal, false));
    }
  }
}
