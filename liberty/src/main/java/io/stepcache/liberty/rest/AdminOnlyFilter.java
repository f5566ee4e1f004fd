package io.stepcache.liberty.rest;

import io.stepcache.liberty.metrics.StepCacheMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Lets only callers in the {@value #ROLE} role through to {@link AdminOnly} resources. Liberty
 * authenticates HTTP Basic credentials against the server's user registry (server.xml) and maps
 * the registry group {@code admin} to the role; this filter only decides, so the refusal is
 * problem+json like every other error: 401 with a {@code WWW-Authenticate} challenge without (valid)
 * credentials, 403 for an authenticated caller who is no administrator.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AdminOnlyFilter implements ContainerRequestFilter {

  /** The role pack administration requires. */
  public static final String ROLE = "admin";

  /** The Basic realm named in the challenge. */
  public static final String REALM = "StepCache";

  private static final Logger LOG = Logger.getLogger(AdminOnlyFilter.class.getName());

  @Inject StepCacheMetrics metrics;

  @Override
  public void filter(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    if (security == null || security.getUserPrincipal() == null) {
      metrics.failed("UNAUTHORIZED");
      request.abortWith(Response.fromResponse(Problems.of(
              401,
              "UNAUTHORIZED",
              "Unauthorized",
              "Pack administration needs an administrator: send HTTP Basic credentials of a user in the '" + ROLE
                  + "' role",
              Map.of()))
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"")
          .build());
      return;
    }
    if (!security.isUserInRole(ROLE)) {
      String user = security.getUserPrincipal().getName();
      LOG.warning(() -> "User '" + user + "' was refused pack administration (" + request.getMethod() + " "
          + request.getUriInfo().getPath() + "): not in role " + ROLE);
      metrics.failed("FORBIDDEN");
      request.abortWith(Problems.of(
          403,
          "FORBIDDEN",
          "Forbidden",
          "User '" + user + "' may not administer packs: that needs the '" + ROLE + "' role",
          Map.of()));
    }
  }
}
