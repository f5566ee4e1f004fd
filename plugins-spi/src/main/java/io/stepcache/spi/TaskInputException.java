package io.stepcache.spi;

import java.util.Objects;

/**
 * Thrown by a pack when a request cannot be served by it at all (e.g. an invalid JSON Schema). The
 * host turns it into an HTTP 400 with the code and message unchanged, so write both for the user.
 */
public class TaskInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * @param code stable, upper-case error code such as {@code JSON_SCHEMA_INVALID}
   * @param message what is wrong and what to do about it
   */
  public TaskInputException(String code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public TaskInputException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public String code() {
    return code;
  }
}
