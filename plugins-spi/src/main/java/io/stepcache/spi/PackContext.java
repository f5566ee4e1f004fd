package io.stepcache.spi;

import java.util.Map;

/**
 * What the host hands a pack when it starts: the pack's own configuration as plain strings (keys
 * without the {@code stepcache.pack.<id>.} prefix). No configuration framework crosses the SPI.
 */
public interface PackContext {

  /** The pack's configuration, unmodifiable. */
  Map<String, String> config();

  /** A configured integer, or {@code defaultValue}; fails loudly on a value that is no integer. */
  default int intConfig(String key, int defaultValue) {
    String value = config().get(key);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Pack setting '" + key + "' must be an integer, got '" + value + "'", e);
    }
  }

  /** A context with the given settings. */
  static PackContext of(Map<String, String> config) {
    Map<String, String> copy = Map.copyOf(config);
    return () -> copy;
  }
}
