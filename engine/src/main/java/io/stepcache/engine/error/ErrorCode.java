package io.stepcache.engine.error;

/**
 * Stable error codes. The HTTP layer maps each to its status ({@code liberty}'s {@code HttpStatus})
 * and to the problem {@code type} {@code https://stepcache.io/problems/<code-in-kebab-case>}. Never
 * rename a code.
 */
public enum ErrorCode {
  /** The request body is not JSON, or a field has the wrong type. */
  MALFORMED_REQUEST,
  /** A field value is invalid (e.g. maxTokens below 1). */
  INVALID_REQUEST,
  /** The prompt is missing or blank. */
  PROMPT_EMPTY,
  /** The request or the prompt is larger than the configured limit. */
  INPUT_TOO_LARGE,
  /** The named task has no loaded pack. */
  UNKNOWN_TASK,
  /** No task was named and no pack claims the prompt. */
  TASK_NOT_DETECTED,
  /** The pack rejected the request (its own code is in the message). */
  TASK_INPUT_INVALID,
  /** The backend answered with an error or garbage and nothing could be served. */
  BACKEND_FAILED,
  /** The backend did not answer in time and nothing could be served. */
  BACKEND_TIMEOUT,
  /** The step store failed. */
  STORE_FAILED,
  /** A pack could not be loaded (bad jar, rules that do not compile, SPI mismatch...). */
  PACK_REJECTED,
  /** The answer failed verification and the server is set to refuse unverified answers. */
  ANSWER_UNVERIFIED,
  /** The request's cache directives ({@code Cache-Control}, {@code X-StepCache-TTL}) are not allowed for its key. */
  CACHE_CONTROL_REFUSED,
  /** The client closed a streamed request before it was answered (nobody receives this error; it is counted). */
  CLIENT_CLOSED,
  /** A bug: something that should not happen did. */
  INTERNAL;

  /** The code as it appears in problem types: {@code unknown-task}. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
