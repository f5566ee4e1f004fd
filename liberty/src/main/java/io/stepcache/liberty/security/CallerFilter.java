package io.stepcache.liberty.security;

import io.stepcache.identity.AccessRefusal;
import io.stepcache.identity.Caller;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.openai.OpenAiChatResource;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Authenticates every API request: a valid {@code Authorization: Bearer <key>} becomes the request's caller (its
 * principal and role); a missing header is an anonymous call, refused in production mode; anything else is 401, or
 * 429 while the source or key id is throttled. Tenants and roles are decided later, by the resources and {@link
 * io.stepcache.liberty.rest.AdminOnlyFilter}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class CallerFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(CallerFilter.class.getName());

  @Inject Identities identities;
  @Inject StepCacheMetrics metrics;
  @Context HttpServletRequest servletRequest;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    String source = servletRequest.getRemoteAddr();
    try {
      Optional<Caller> caller = identities.authenticator()
          .authenticate(source, request.getHeaderString(HttpHeaders.AUTHORIZATION));
      if (caller.isPresent()) {
        request.setSecurityContext(new CallerSecurityContext(caller.get(), request.getSecurityContext().isSecure()));
      } else {
        identities.policy().checkAnonymousAllowed();
      }
    } catch (AccessRefusal refusal) {
      if (refusal.reason() == AccessRefusal.Reason.THROTTLED) {
        LOG.warning(() -> "Refused " + request.getMethod() + " " + request.getUriInfo().getPath() + " from " + source
            + ": " + refusal.getMessage());
      }
      metrics.failed(AccessResponses.code(refusal));
      request.abortWith(AccessResponses.of(refusal, resource.getResourceClass() == OpenAiChatResource.class));
    }
  }
}
