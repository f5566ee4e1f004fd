package io.stepcache.packs.json.request;

import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an extraction request asks for: the prompt's parts, the keys (required keys, then the
 * schema's {@code required}, then its properties, then keys named in the prompt; each once) and the
 * schema. Immutable.
 *
 * @param prompt instruction and source text
 * @param keys the keys, in that stable order
 * @param schema the loaded schema, or {@code null} when the request has none
 */
public record ExtractionTask(PromptParts prompt, List<KeySpec> keys, LoadedSchema schema) {

  public ExtractionTask {
    keys = List.copyOf(keys);
  }

  /**
   * Reads a request: its prompt and its options ({@link JsonOptions}).
   *
   * @throws TaskInputException {@code JSON_SCHEMA_INVALID} for a bad schema, {@code
   *     JSON_KEY_INVALID} for a blank required key or required keys that are no list of strings, {@code JSON_NO_KEYS} when neither the request
   *     nor the prompt names a key and there is no schema
   */
  public static ExtractionTask of(TaskRequest request) {
    String schemaJson = JsonOptions.schemaJson(request);
    List<String> requiredKeys = JsonOptions.requiredKeys(request);
    LoadedSchema schema = schemaJson == null ? null : LoadedSchema.load(schemaJson);
    PromptParts prompt = PromptParts.parse(request.prompt());
    for (String key : requiredKeys) {
      if (key == null || key.isBlank()) {
        throw new TaskInputException("JSON_KEY_INVALID", "Required keys must be non-blank, got " + requiredKeys);
      }
    }
    Set<String> required = new LinkedHashSet<>(requiredKeys);
    Set<String> all = new LinkedHashSet<>(requiredKeys);
    if (schema != null) {
      required.addAll(schema.required());
      all.addAll(schema.required());
      all.addAll(schema.properties());
    }
    List<String> named = PromptKeys.named(prompt.instruction(), !all.isEmpty());
    required.addAll(named);
    all.addAll(named);
    if (all.isEmpty() && schema == null) {
      throw new TaskInputException(
          "JSON_NO_KEYS", "Name the keys to extract in requiredKeys, a schema, or the prompt");
    }
    List<KeySpec> keys = new ArrayList<>();
    for (String key : all) {
      List<String> types = schema == null ? List.of() : schema.typesOf(key);
      keys.add(new KeySpec(key, types, required.contains(key)));
    }
    return new ExtractionTask(prompt, keys, schema);
  }

  /** The key names, in order. */
  public List<String> keyNames() {
    return keys.stream().map(KeySpec::name).toList();
  }

  /** The spec of key {@code name}, if the request names it. */
  public Optional<KeySpec> key(String name) {
    return keys.stream().filter(k -> k.name().equals(name)).findFirst();
  }

  /** True when the answer may hold keys the request does not name (a schema that allows them). */
  public boolean extraKeysAllowed() {
    return schema != null && schema.additionalPropertiesAllowed();
  }
}
