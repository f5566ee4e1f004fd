package io.stepcache.engine.error;

/**
 * Stable error codes. The HTTP layer maps each to its status and to the problem {@code type}
 * {@code https://stepcache.io/problems/<code-in-kebab-case>}. Never rename a code.
 */
public enum ErrorCode {
  /** The request body is not JSON, or a field has the wrong type. */
  MALFORMED_REQUEST(400),
  /** A field value is invalid (e.g. maxTokens below 1). */
  INVALID_REQUEST(400),
  /** The prompt is missing or blank. */
  PROMPT_EMPTY(400),
  /** The request or the prompt is larger than the configured limit. */
  INPUT_TOO_LARGE(413),
  /** The named task has no loaded pack. */
  UNKNOWN_TASK(404),
  /** No task was named and no pack claims the prompt. */
  TASK_NOT_DETECTED(400),
  /** The pack rejected the request (its own code is in the message). */
  TASK_INPUT_INVALID(400),
  /** The backend answered with an error or garbage and nothing could be served. */
  BACKEND_FAILED(502),
  /** The backend did not answer in time and nothing could be served. */
  BACKEND_TIMEOUT(504),
  /** The step store failed. */
  STORE_FAILED(503),
  /** A pack could not be loaded (bad jar, rules that do not compile, SPI mismatch...). */
  PACK_REJECTED(422),
  /** A bug: something that should not happen did. */
  INTERNAL(500);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  /** The HTTP status the API answers with. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The code as it appears in problem types: {@code unknown-task}. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
