package io.stepcache.spi;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One setting a pack accepts, as {@code stepcache.pack.<pack-id>.<name>} on the server (SPI 1.1).
 * A pack that declares its settings ({@link TaskPack#settings()}) is rejected when it is given one
 * it does not declare (a typo) or a value of the wrong type, with a message naming the setting.
 *
 * @param name the key after the pack prefix, e.g. {@code repair.maxAttempts}; a name ending in
 *     {@code .} declares a family ({@code unit.} accepts {@code unit.furlong}, {@code unit.parsec})
 * @param type what the value must be
 * @param defaultValue the value when none is configured (shown to operators), or {@code null}
 * @param description one line for operators
 */
public record PackSetting(String name, Type type, String defaultValue, String description) {

  /** What a setting's value must be. */
  public enum Type {
    /** Any text. */
    STRING,
    /** A whole number ({@code Integer.parseInt}). */
    INTEGER,
    /** A decimal number. */
    DECIMAL,
    /** {@code true} or {@code false}, any case. */
    BOOLEAN
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  public PackSetting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("A pack setting name must match " + NAME.pattern() + ", got '" + name + "'");
    }
    if (defaultValue != null && problem(type, defaultValue).isPresent()) {
      throw new IllegalArgumentException(
          "The default of pack setting '" + name + "' is no " + type.name().toLowerCase(Locale.ROOT) + ": " + defaultValue);
    }
  }

  /** True when this setting is {@code key}, or its family holds {@code key}. */
  public boolean matches(String key) {
    return name.endsWith(".") ? key.startsWith(name) && key.length() > name.length() : name.equals(key);
  }

  /** What is wrong with {@code value} for this setting, or empty when it is fine. */
  public Optional<String> problem(String value) {
    return problem(type, value);
  }

  private static Optional<String> problem(Type type, String value) {
    String v = value.strip();
    boolean ok = switch (type) {
      case STRING -> true;
      case INTEGER -> v.matches("[+-]?\\d{1,10}") && fitsInt(v);
      case DECIMAL -> isDecimal(v);
      case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    };
    return ok ? Optional.empty() : Optional.of("must be " + switch (type) {
      case STRING -> "text";
      case INTEGER -> "an integer";
      case DECIMAL -> "a decimal number";
      case BOOLEAN -> "true or false";
    } + ", got '" + value + "'");
  }

  private static boolean fitsInt(String v) {
    try {
      Integer.parseInt(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDecimal(String v) {
    try {
      new BigDecimal(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
