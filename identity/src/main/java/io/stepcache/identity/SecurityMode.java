package io.stepcache.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether the server may be called without a key. */
public enum SecurityMode {
  /** Every call needs a key (the default). */
  PRODUCTION,
  /** Completion calls without a key are served on the {@code default} tenant only; administration still needs one. */
  DEV;

  /** {@code production} or {@code dev}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code wireName} (case-insensitive), or empty. */
  public static Optional<SecurityMode> parse(String wireName) {
    return Arrays.stream(values()).filter(m -> m.wireName().equalsIgnoreCase(wireName.strip())).findFirst();
  }
}
