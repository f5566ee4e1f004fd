package io.stepcache.liberty.openai;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.identity.AccessRefusal;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.rest.HttpStatus;
import io.stepcache.liberty.rest.Jsonp;
import io.stepcache.liberty.security.AccessResponses;
import io.stepcache.spi.TaskInputException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors of the front door in OpenAI's shape, which OpenAI clients parse: {@code {"error":
 * {"message", "type", "param", "code"}}} with the HTTP status of the matching native error. {@code
 * code} is StepCache's stable code ({@code UNSUPPORTED_PARAMETER}, {@code BACKEND_TIMEOUT}, ...);
 * {@code type} is OpenAI's category: {@code invalid_request_error} (4xx), {@code not_found_error}
 * (404) or {@code server_error} (5xx).
 */
public final class OpenAiErrors {

  private static final Logger LOG = Logger.getLogger(OpenAiErrors.class.getName());

  private OpenAiErrors() {}

  /** The response for any failure; counted in the error metric. */
  static Response of(Throwable e, StepCacheMetrics metrics) {
    if (e instanceof AccessRefusal refusal) {
      if (metrics != null) {
        metrics.failed(AccessResponses.code(refusal));
      }
      return AccessResponses.of(refusal, true);
    }
    int status;
    String code;
    String param = null;
    String message;
    if (e instanceof OpenAiException oe) {
      status = oe.status();
      code = oe.code();
      param = oe.param();
      message = oe.getMessage();
    } else if (e instanceof StepCacheException se) {
      status = HttpStatus.of(se.code());
      code = se.code().name();
      message = se.getMessage();
      if (status >= 500) {
        LOG.log(Level.WARNING, "Chat completion failed with " + code + ": " + message, e);
      }
    } else if (e instanceof TaskInputException te) {
      status = HttpStatus.of(ErrorCode.TASK_INPUT_INVALID);
      code = ErrorCode.TASK_INPUT_INVALID.name();
      message = te.code() + ": " + te.getMessage();
    } else if (e instanceof WebApplicationException we && we.getResponse() != null) {
      status = we.getResponse().getStatus();
      Response.StatusType t = Response.Status.fromStatusCode(status);
      String reason = t != null ? t.getReasonPhrase() : "HTTP " + status;
      code = reason.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
      message = switch (status) {
        case 404 -> "There is no such resource; the OpenAI-compatible API is POST /v1/chat/completions and "
            + "GET /v1/models";
        case 405 -> "Method not allowed; the OpenAI-compatible API is POST /v1/chat/completions and GET /v1/models";
        default -> reason;
      };
    } else {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected error in the OpenAI front door, incident " + incident, e);
      status = 500;
      code = ErrorCode.INTERNAL.name();
      message = "An unexpected error occurred; it was logged as incident " + incident + ". Please report it.";
    }
    if (metrics != null) {
      metrics.failed(code);
    }
    return body(status, code, param, message);
  }

  /** An OpenAI error body with this status. */
  public static Response body(int status, String code, String param, String message) {
    String type = status == 404 ? "not_found_error" : status >= 500 ? "server_error" : "invalid_request_error";
    JsonObjectBuilder error = Jsonp.createObjectBuilder().add("message", message).add("type", type);
    if (param == null) {
      error.add("param", JsonValue.NULL);
    } else {
      error.add("param", param);
    }
    error.add("code", code);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Jsonp.createObjectBuilder().add("error", error).build().toString())
        .build();
  }
}
