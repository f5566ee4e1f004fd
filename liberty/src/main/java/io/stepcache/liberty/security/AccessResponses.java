package io.stepcache.liberty.security;

import io.stepcache.identity.AccessRefusal;
import io.stepcache.liberty.openai.OpenAiErrors;
import io.stepcache.liberty.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The answer to a refused caller, in the shape of the door it came through (problem+json on {@code /api}, OpenAI's
 * error object on {@code /v1}): 401 with a Bearer challenge, 403, or 429 with {@code Retry-After}.
 */
public final class AccessResponses {

  /** The realm named in the challenge. */
  static final String REALM = "StepCache";

  private AccessResponses() {}

  /** The error code of a refusal, as counted in the error metric. */
  public static String code(AccessRefusal refusal) {
    return switch (refusal.reason()) {
      case UNAUTHENTICATED -> "UNAUTHORIZED";
      case FORBIDDEN -> "FORBIDDEN";
      case THROTTLED -> "AUTH_THROTTLED";
    };
  }

  public static Response of(AccessRefusal refusal, boolean openAiDoor) {
    int status = switch (refusal.reason()) {
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case THROTTLED -> 429;
    };
    String title = switch (refusal.reason()) {
      case UNAUTHENTICATED -> "Unauthorized";
      case FORBIDDEN -> "Forbidden";
      case THROTTLED -> "Too many failed authentications";
    };
    Response r = openAiDoor
        ? OpenAiErrors.body(status, code(refusal), null, refusal.getMessage())
        : Problems.of(status, code(refusal), title, refusal.getMessage(), Map.of());
    Response.ResponseBuilder b = Response.fromResponse(r);
    if (status == 401) {
      b.header(HttpHeaders.WWW_AUTHENTICATE, CallerSecurityContext.SCHEME + " realm=\"" + REALM + "\"");
    }
    refusal.retryAfter().ifPresent(d -> b.header(HttpHeaders.RETRY_AFTER, Long.toString(d.toSeconds())));
    return b.build();
  }
}
