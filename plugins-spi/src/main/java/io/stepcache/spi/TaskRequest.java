package io.stepcache.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request as a pack sees it: the prompt and the pack-specific {@link RequestOptions}. The
 * tenant is deliberately absent: packs never need it, and the engine keeps tenants apart in every
 * cache key.
 *
 * <p>The native API's {@code schema} and {@code requiredKeys} fields arrive as the options {@link
 * #SCHEMA} (JSON text) and {@link #REQUIRED_KEYS} (a list of strings); the OpenAI door's {@code
 * response_format.json_schema.schema} arrives as {@link #SCHEMA}. In SPI 1.0 they were fields of
 * this record; the 1.0 constructor and accessors still work and read the options (since SPI 1.1).
 *
 * @param prompt the user's prompt, never blank
 * @param options pack-specific options, never {@code null} (since SPI 1.1)
 */
public record TaskRequest(String prompt, RequestOptions options) {

  /** Option: a JSON Schema the answer must meet, as JSON text (the json pack). Since SPI 1.1. */
  public static final String SCHEMA = "schema";

  /** Option: the keys the answer must contain, a list of strings (the json pack). Since SPI 1.1. */
  public static final String REQUIRED_KEYS = "requiredKeys";

  public TaskRequest {
    Objects.requireNonNull(prompt, "prompt");
    options = options == null ? RequestOptions.none() : options;
  }

  /**
   * The SPI 1.0 request: {@code schemaJson} becomes the option {@link #SCHEMA} and non-empty {@code
   * requiredKeys} the option {@link #REQUIRED_KEYS}; {@code null} and an empty list set nothing. It
   * equals the request built with those options.
   *
   * @deprecated since SPI 1.1: {@code new TaskRequest(prompt, options)}
   */
  @Deprecated(since = "1.1")
  public TaskRequest(String prompt, String schemaJson, List<String> requiredKeys) {
    this(prompt, legacyOptions(schemaJson, requiredKeys));
  }

  /** A request with only a prompt. */
  public static TaskRequest of(String prompt) {
    return new TaskRequest(prompt, RequestOptions.none());
  }

  /**
   * The option {@link #SCHEMA}, or {@code null}.
   *
   * @throws IllegalArgumentException when the option is no string
   * @deprecated since SPI 1.1: {@code options().string(TaskRequest.SCHEMA)}
   */
  @Deprecated(since = "1.1")
  public String schemaJson() {
    return options.string(SCHEMA).orElse(null);
  }

  /**
   * The option {@link #REQUIRED_KEYS}, or an empty list.
   *
   * @throws IllegalArgumentException when the option is no list of strings
   * @deprecated since SPI 1.1: {@code options().strings(TaskRequest.REQUIRED_KEYS)}
   */
  @Deprecated(since = "1.1")
  public List<String> requiredKeys() {
    return options.strings(REQUIRED_KEYS);
  }

  private static RequestOptions legacyOptions(String schemaJson, List<String> requiredKeys) {
    Map<String, Object> options = new LinkedHashMap<>();
    if (schemaJson != null) {
      options.put(SCHEMA, schemaJson);
    }
    if (requiredKeys != null && !requiredKeys.isEmpty()) {
      options.put(REQUIRED_KEYS, List.copyOf(requiredKeys));
    }
    return RequestOptions.of(options);
  }
}
