package io.stepcache.liberty.security;

import io.stepcache.identity.AccessRefusal;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal raised inside a native resource (a tenant the key may not use): 401, 403 or 429 problem+json. */
@Provider
@ApplicationScoped
public class AccessRefusalMapper implements ExceptionMapper<AccessRefusal> {

  @Inject StepCacheMetrics metrics;

  @Override
  public Response toResponse(AccessRefusal refusal) {
    metrics.failed(AccessResponses.code(refusal));
    return AccessResponses.of(refusal, false);
  }
}
