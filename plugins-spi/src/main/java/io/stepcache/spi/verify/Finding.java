package io.stepcache.spi.verify;

import java.util.Objects;

/**
 * One reason a step, an output or a reuse was rejected.
 *
 * @param code stable upper-case code, e.g. {@code MATH_WRONG_ARITHMETIC}
 * @param reason a sentence a person can act on
 */
public record Finding(String code, String reason) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return code + ": " + reason;
  }
}
