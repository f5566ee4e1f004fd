package io.stepcache.liberty.openai;

import io.stepcache.liberty.metrics.StepCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * JAX-RS's own errors under {@code /v1} (no such path, wrong method) in OpenAI's error shape.
 * Registered by {@link OpenAiApplication} only, not annotated {@code @Provider}, so the native
 * application keeps its problem+json errors.
 */
@ApplicationScoped
public class OpenAiRoutingErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Inject StepCacheMetrics metrics;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response problem = OpenAiErrors.of(e, metrics);
    Response original = e.getResponse();
    if (original == null || original.getHeaderString("Allow") == null) {
      return problem;
    }
    return Response.fromResponse(problem).header("Allow", original.getHeaderString("Allow")).build();
  }
}
