package io.stepcache.liberty.security;

import io.stepcache.liberty.openai.OpenAiErrors;
import io.stepcache.liberty.rest.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses, before any matching, paths whose meaning a proxy in front of us could read differently: matrix
 * parameters ({@code /api/v1/packs/json;x} would otherwise reach {@code /api/v1/packs/json}) and encoded slashes or
 * backslashes inside a segment. 400, in the shape of the door the path belongs to.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class PathGuardFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    String raw = request.getUriInfo().getRequestUri().getRawPath();
    if (raw == null) {
      return;
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    String why = raw.indexOf(';') >= 0 ? "matrix parameters (';')"
        : lower.contains("%2f") || lower.contains("%5c") ? "an encoded slash or backslash" : null;
    if (why == null) {
      return;
    }
    String message = "The path must not contain " + why + ": ids are plain path segments";
    request.abortWith(lower.startsWith("/api/")
        ? Problems.of(400, "INVALID_PATH", "Invalid path", message, Map.of())
        : OpenAiErrors.body(400, "INVALID_PATH", null, message));
  }
}
