package io.stepcache.client.internal;

import io.stepcache.client.Problem;
import io.stepcache.client.StepCacheProblemException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every answer with a status of 400 or more into a {@link StepCacheProblemException}: the problem body when
 * there is one ({@code application/problem+json}, or JSON with a {@code code}), else a problem made up from the
 * status and the first {@value #EXCERPT} characters of the body. Reads {@code Retry-After} (seconds).
 */
public final class ProblemExceptionMapper implements ResponseExceptionMapper<StepCacheProblemException> {

  /** How much of a body that is no problem goes into the detail. */
  static final int EXCERPT = 200;

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public StepCacheProblemException toThrowable(Response response) {
    int status = response.getStatus();
    String body = response.hasEntity() ? response.readEntity(String.class) : "";
    Problem problem = parse(response.getMediaType(), body)
        .orElseGet(() -> noProblemBody(status, response.getStatusInfo().getReasonPhrase(), response.getMediaType(), body));
    return new StepCacheProblemException(status, problem, retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
  }

  static Optional<Problem> parse(MediaType type, String body) {
    if (type == null || body == null || body.isBlank() || !isJson(type)) {
      return Optional.empty();
    }
    try {
      Problem p = Json.INSTANCE.fromJson(body, Problem.class);
      return p != null && p.code() != null && !p.code().isBlank() ? Optional.of(p) : Optional.empty();
    } catch (JsonbException notAProblem) {
      return Optional.empty();
    }
  }

  static Problem noProblemBody(int status, String reason, MediaType type, String body) {
    String excerpt = body == null ? "" : body.strip();
    if (excerpt.length() > EXCERPT) {
      excerpt = excerpt.substring(0, EXCERPT) + "...";
    }
    String detail = "HTTP " + status + " without a problem body"
        + (type == null ? "" : " (" + type + ")") + (excerpt.isEmpty() ? "" : ": " + excerpt);
    String title = reason == null || reason.isBlank() ? "HTTP " + status : reason;
    return new Problem("about:blank", title, status, detail, "HTTP_" + status, null, null);
  }

  static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException httpDate) {
      return null; // the HTTP-date form: StepCache sends seconds
    }
  }

  private static boolean isJson(MediaType type) {
    String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
  }

  /** One JSON-B instance, made on first use (thread-safe; the application's runtime provides the implementation). */
  private static final class Json {
    static final Jsonb INSTANCE = JsonbBuilder.create();
  }
}
