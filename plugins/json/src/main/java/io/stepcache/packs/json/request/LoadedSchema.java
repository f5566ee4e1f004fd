package io.stepcache.packs.json.request;

import io.stepcache.packs.json.text.JsonScan;
import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.StrictJson;
import io.stepcache.spi.TaskInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everit.json.schema.Schema;
import org.everit.json.schema.loader.SchemaClient;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A request's JSON Schema (draft 4, 6 or 7), loaded by Everit, with the parts the pack reads
 * itself: required keys, property names in the order the schema text lists them, their types, and
 * whether keys beyond the properties are allowed. Immutable.
 */
public final class LoadedSchema {

  private static final String INVALID = "JSON_SCHEMA_INVALID";
  private static final SchemaClient NO_REMOTE_REFS = url -> {
    throw new IllegalArgumentException("remote $ref '" + url + "' is not fetched; inline the referenced schema");
  };

  private final String text;
  private final Schema everit;
  private final List<String> required;
  private final Map<String, List<String>> propertyTypes;
  private final boolean additionalPropertiesAllowed;

  private LoadedSchema(
      String text, Schema everit, List<String> required, Map<String, List<String>> propertyTypes,
      boolean additionalPropertiesAllowed) {
    this.text = text;
    this.everit = everit;
    this.required = List.copyOf(required);
    this.propertyTypes = Collections.unmodifiableMap(new LinkedHashMap<>(propertyTypes));
    this.additionalPropertiesAllowed = additionalPropertiesAllowed;
  }

  /**
   * Loads {@code schemaJson}.
   *
   * @throws TaskInputException {@code JSON_SCHEMA_INVALID} when it is no JSON object, Everit cannot
   *     load it, or it describes something other than an object
   */
  public static LoadedSchema load(String schemaJson) {
    String text = schemaJson.strip();
    JSONObject root = StrictJson.object(text).orElseThrow(
        () -> new TaskInputException(INVALID, "The schema is not a valid JSON object: " + abbreviate(text)));
    Schema everit = everit(root);
    requireObjectType(root.opt("type"));
    Map<String, List<String>> types = new LinkedHashMap<>();
    JSONObject properties = root.optJSONObject("properties", new JSONObject());
    for (String key : propertyOrder(text)) {
      types.put(key, typesOf(properties.opt(key)));
    }
    List<String> required = new ArrayList<>();
    JSONArray requiredArray = root.optJSONArray("required", new JSONArray());
    for (int i = 0; i < requiredArray.length(); i++) {
      required.add(requiredArray.getString(i));
    }
    boolean additional = !Boolean.FALSE.equals(root.opt("additionalProperties"));
    return new LoadedSchema(text, everit, required, types, additional);
  }

  private static Schema everit(JSONObject root) {
    try {
      return SchemaLoader.builder()
          .schemaJson(root)
          .draftV7Support()
          .schemaClient(NO_REMOTE_REFS)
          .build()
          .load()
          .build();
    } catch (RuntimeException e) { // Everit reports a bad schema with several exception types
      throw new TaskInputException(INVALID, "The JSON Schema cannot be loaded: " + e.getMessage(), e);
    }
  }

  private static void requireObjectType(Object type) {
    boolean object = type == null
        || "object".equals(type)
        || (type instanceof JSONArray array && array.toList().contains("object"));
    if (!object) {
      throw new TaskInputException(INVALID,
          "The JSON Schema must describe an object (\"type\": \"object\"), got \"type\": " + type);
    }
  }

  /** Property names in the order the schema text lists them (org.json forgets the order). */
  private static List<String> propertyOrder(String text) {
    List<String> order = new ArrayList<>();
    for (String member : JsonScan.members(text)) {
      Member m = Member.parse(member);
      if ("properties".equals(m.key()) && m.value() instanceof JSONObject) {
        JsonScan.members(m.rawValue()).forEach(p -> order.add(Member.parse(p).key()));
      }
    }
    return order;
  }

  private static List<String> typesOf(Object propertySchema) {
    if (!(propertySchema instanceof JSONObject schema)) {
      return List.of();
    }
    Object type = schema.opt("type");
    if (type instanceof String single) {
      return List.of(single);
    }
    if (type instanceof JSONArray several) {
      return several.toList().stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  /** The schema text as the client sent it (stripped). */
  public String text() {
    return text;
  }

  /** The Everit schema, for validation. Thread-safe. */
  public Schema everit() {
    return everit;
  }

  /** The schema's {@code required} keys, in order. */
  public List<String> required() {
    return required;
  }

  /** The schema's property names, in the order of the schema text. */
  public List<String> properties() {
    return List.copyOf(propertyTypes.keySet());
  }

  /** The types the schema allows for property {@code key}; empty when unconstrained or unknown. */
  public List<String> typesOf(String key) {
    return propertyTypes.getOrDefault(key, List.of());
  }

  /** False when the schema says {@code "additionalProperties": false}. */
  public boolean additionalPropertiesAllowed() {
    return additionalPropertiesAllowed;
  }
}
