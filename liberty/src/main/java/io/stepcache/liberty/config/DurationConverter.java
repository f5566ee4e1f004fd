package io.stepcache.liberty.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads every {@code stepcache.*} duration: an ISO-8601 duration in any letter case ({@code PT24H},
 * {@code pt0.15s}, {@code -PT1S}) or a number of seconds ({@code 86400}, {@code 0.15}, {@code 0}).
 * Registered in {@code META-INF/services/org.eclipse.microprofile.config.spi.Converter}; the
 * configuration names the key when a value does not convert.
 */
public class DurationConverter implements Converter<Duration> {

  private static final long serialVersionUID = 1L;

  /** What a duration may look like, for error messages. */
  public static final String EXPECTED = "an ISO-8601 duration such as PT24H or a number of seconds";

  @Override
  public Duration convert(String value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    String t = value.trim();
    if (t.isEmpty()) {
      return null; // MicroProfile Config: an empty value is no value
    }
    try {
      if (t.startsWith("P") || t.startsWith("p") || t.startsWith("-P")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      double seconds = Double.parseDouble(t);
      if (!Double.isFinite(seconds)) {
        throw new NumberFormatException(t);
      }
      return Duration.ofNanos(Math.round(seconds * 1e9));
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + value + "' is not " + EXPECTED, e);
    }
  }
}
