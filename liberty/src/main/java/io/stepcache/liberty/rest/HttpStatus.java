package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;

/**
 * The HTTP status each engine error code is answered with, on both APIs. The engine knows no
 * HTTP: this table is the one place where an error code meets a status.
 */
public final class HttpStatus {

  private HttpStatus() {}

  /** The status for {@code code}. */
  public static int of(ErrorCode code) {
    return switch (code) {
      case MALFORMED_REQUEST, INVALID_REQUEST, PROMPT_EMPTY, TASK_NOT_DETECTED, TASK_INPUT_INVALID -> 400;
      case CLIENT_CLOSED -> 499; // nginx's "client closed request": never sent, only counted
      case CACHE_CONTROL_REFUSED -> 403;
      case UNKNOWN_TASK -> 404;
      case INPUT_TOO_LARGE -> 413;
      case PACK_REJECTED -> 422;
      case INTERNAL -> 500;
      case BACKEND_FAILED, ANSWER_UNVERIFIED -> 502;
      case STORE_FAILED -> 503;
      case BACKEND_TIMEOUT -> 504;
    };
  }
}
