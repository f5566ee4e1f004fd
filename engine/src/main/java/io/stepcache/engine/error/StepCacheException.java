package io.stepcache.engine.error;

import java.util.Objects;

/** The engine's only exception type: an {@link ErrorCode} plus a message a user can act on. */
public class StepCacheException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public StepCacheException(ErrorCode code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public StepCacheException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  public ErrorCode code() {
    return code;
  }
}
