package io.stepcache.packs.json.request;

import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import java.util.List;

/**
 * The json pack's request options: {@link TaskRequest#SCHEMA}, a JSON Schema as JSON text, and
 * {@link TaskRequest#REQUIRED_KEYS}, a list of key names (the native API's {@code schema} and
 * {@code requiredKeys}). Other options are ignored.
 */
public final class JsonOptions {

  private JsonOptions() {}

  /** Options carrying {@code schemaJson} (or none) and {@code requiredKeys} (none when empty). */
  public static RequestOptions of(String schemaJson, List<String> requiredKeys) {
    RequestOptions options = RequestOptions.none().with(TaskRequest.SCHEMA, schemaJson);
    return requiredKeys == null || requiredKeys.isEmpty()
        ? options
        : options.with(TaskRequest.REQUIRED_KEYS, List.copyOf(requiredKeys));
  }

  /** A request with a prompt and these options. */
  public static TaskRequest request(String prompt, String schemaJson, List<String> requiredKeys) {
    return new TaskRequest(prompt, of(schemaJson, requiredKeys));
  }

  /** True when the request carries a schema or required keys (of any type: the detector never throws). */
  public static boolean present(TaskRequest request) {
    RequestOptions o = request.options();
    return o.get(TaskRequest.SCHEMA).isPresent()
        || o.get(TaskRequest.REQUIRED_KEYS).filter(v -> !(v instanceof List<?> l && l.isEmpty())).isPresent();
  }

  /**
   * The schema's JSON text, or {@code null}.
   *
   * @throws TaskInputException {@code JSON_SCHEMA_INVALID} when the option is no text
   */
  public static String schemaJson(TaskRequest request) {
    try {
      return request.options().string(TaskRequest.SCHEMA).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new TaskInputException("JSON_SCHEMA_INVALID", e.getMessage() + " (the JSON Schema as JSON text)", e);
    }
  }

  /**
   * The required keys, or an empty list.
   *
   * @throws TaskInputException {@code JSON_KEY_INVALID} when the option is no list of strings
   */
  public static List<String> requiredKeys(TaskRequest request) {
    try {
      return request.options().strings(TaskRequest.REQUIRED_KEYS);
    } catch (IllegalArgumentException e) {
      throw new TaskInputException("JSON_KEY_INVALID", e.getMessage(), e);
    }
  }
}
