package io.stepcache.liberty.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The validations of the settings beans. Each failure is an {@link IllegalStateException} that names
 * the key, the value and what is allowed, so that a bad value fails the application start clearly.
 */
public final class Checks {

  private Checks() {}

  /** The failure for {@code key=value}: {@code expected} says what is allowed. */
  public static IllegalStateException invalid(String key, Object value, String expected) {
    return new IllegalStateException(
        "Invalid StepCache setting " + key + "=" + value + ": expected " + expected
            + ". Fix it in server.xml, an environment variable or META-INF/microprofile-config.properties.");
  }

  /** {@code value}, if it is at least 1. */
  public static long positive(String key, long value, String expected) {
    if (value < 1) {
      throw invalid(key, value, expected);
    }
    return value;
  }

  /** {@code value}, if it is in {@code [min, max]}. */
  public static int inRange(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, value, "a number from " + min + " to " + max);
    }
    return value;
  }

  /** {@code value}, if it is longer than zero. */
  public static Duration positive(String key, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw invalid(key, value, "a positive duration");
    }
    return value;
  }

  /** {@code value}, if it is not negative; {@code expected} says what zero means. */
  public static Duration notNegative(String key, Duration value, String expected) {
    if (value.isNegative()) {
      throw invalid(key, value, expected);
    }
    return value;
  }

  /** {@code value} trimmed and in lower case, if it is one of {@code allowed} (lower case). */
  public static String oneOf(String key, String value, String... allowed) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (String a : allowed) {
      if (a.equals(v)) {
        return v;
      }
    }
    throw invalid(key, value, quoted(allowed));
  }

  /** {@code 'a', 'b' or 'c'}. */
  public static String quoted(String... allowed) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < allowed.length; i++) {
      if (i > 0) {
        sb.append(i == allowed.length - 1 ? " or " : ", ");
      }
      sb.append('\'').append(allowed[i]).append('\'');
    }
    return sb.toString();
  }

  /**
   * The absolute directory {@code value}; unset or blank means {@code fallback} in the working
   * directory (for Liberty the server's output directory).
   */
  public static Path directory(String key, Optional<String> value, String fallback) {
    String d = value.map(String::trim).orElse("");
    if (d.contains("${")) {
      throw invalid(key, d, "a directory path without unresolved variables");
    }
    return (d.isEmpty() ? Path.of(fallback) : Path.of(d)).toAbsolutePath().normalize();
  }
}
