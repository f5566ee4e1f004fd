package io.stepcache.liberty.rest;

import io.stepcache.liberty.metrics.StepCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JAX-RS's own errors (no such resource, method not allowed, unsupported media type, ...) as
 * problem+json. Headers of the original response such as {@code Allow} are kept.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Inject StepCacheMetrics metrics;
  @Context UriInfo uriInfo;
  @Context Request request;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String reason = type != null ? type.getReasonPhrase() : (status >= 500 ? "Server error" : "Client error");
    String code = reason.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
    if (status >= 500) {
      LOG.log(Level.WARNING, "Request failed with HTTP " + status, e);
    }
    metrics.failed(code);
    Response problem = Problems.of(status, code, reason, detail(status, original, e), Map.of());
    if (original == null) {
      return problem;
    }
    Response.ResponseBuilder b = Response.fromResponse(problem);
    original.getHeaders().forEach((name, values) -> {
      if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
        for (Object v : values) {
          b.header(name, v);
        }
      }
    });
    return b.type(Problems.MEDIA_TYPE).build();
  }

  private String detail(int status, Response original, WebApplicationException e) {
    String path = safePath();
    String method = safeMethod();
    return switch (status) {
      case 404 -> "There is no resource at " + path + "; the API is POST /api/v1/completions and GET /api/v1/packs";
      case 405 -> {
        List<Object> allow = original == null ? null : original.getHeaders().get(HttpHeaders.ALLOW);
        yield "Method " + method + " is not allowed on " + path
            + (allow == null || allow.isEmpty() ? "" : "; allowed: " + allow.get(0));
      }
      case 415 -> path.startsWith("/api/v1/packs")
          ? "Send the pack jar as the body with the header 'Content-Type: application/java-archive'"
          : "Send the body as JSON with the header 'Content-Type: application/json'";
      case 406 -> "This resource answers only with application/json (and application/problem+json for errors)";
      default -> e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage() : "HTTP " + status;
    };
  }

  private String safePath() {
    try {
      return uriInfo.getRequestUri().getRawPath();
    } catch (RuntimeException ex) {
      return "this path";
    }
  }

  private String safeMethod() {
    try {
      return request.getMethod();
    } catch (RuntimeException ex) {
      return "this method";
    }
  }
}
