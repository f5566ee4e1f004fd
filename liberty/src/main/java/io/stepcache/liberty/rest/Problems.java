package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class Problems {

  /** The media type of every error body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Prefix of every problem {@code type}. */
  public static final String TYPE_PREFIX = "https://stepcache.io/problems/";

  private Problems() {}

  /** A problem for one of the engine's error codes. */
  public static Response of(ErrorCode code, String detail) {
    return of(HttpStatus.of(code), code.name(), title(code), detail, Map.of());
  }

  /** A problem for one of the engine's error codes, with extension members. */
  public static Response of(ErrorCode code, String detail, Map<String, String> extensions) {
    return of(HttpStatus.of(code), code.name(), title(code), detail, extensions);
  }

  /**
   * A problem with any status and code.
   *
   * @param code upper-case code ({@code NOT_FOUND}); the type ends in its kebab-case form
   */
  public static Response of(int status, String code, String title, String detail, Map<String, String> extensions) {
    return Response.status(status).type(MEDIA_TYPE).entity(body(status, code, title, detail, extensions)).build();
  }

  /** The problem+json text of {@link #of(int, String, String, String, Map)}. */
  public static String body(int status, String code, String title, String detail, Map<String, String> extensions) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder()
        .add("type", TYPE_PREFIX + slug(code))
        .add("title", title)
        .add("status", status)
        .add("detail", detail == null || detail.isBlank() ? title : detail)
        .add("code", code);
    extensions.forEach(b::add);
    return b.build().toString();
  }

  /** {@code UNKNOWN_TASK} to {@code unknown-task}. */
  public static String slug(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A short, fixed summary per code (the detail says what exactly went wrong). */
  public static String title(ErrorCode code) {
    return switch (code) {
      case MALFORMED_REQUEST -> "Malformed request";
      case INVALID_REQUEST -> "Invalid request";
      case PROMPT_EMPTY -> "Prompt is empty";
      case INPUT_TOO_LARGE -> "Input too large";
      case UNKNOWN_TASK -> "Unknown task";
      case TASK_NOT_DETECTED -> "Task not detected";
      case TASK_INPUT_INVALID -> "Task input invalid";
      case BACKEND_FAILED -> "Backend failed";
      case BACKEND_TIMEOUT -> "Backend timed out";
      case STORE_FAILED -> "Step store failed";
      case PACK_REJECTED -> "Task pack rejected";
      case ANSWER_UNVERIFIED -> "Answer failed verification";
      case CLIENT_CLOSED -> "Client closed the stream";
      case CACHE_CONTROL_REFUSED -> "Cache directive not allowed";
      case INTERNAL -> "Internal error";
    };
  }
}
