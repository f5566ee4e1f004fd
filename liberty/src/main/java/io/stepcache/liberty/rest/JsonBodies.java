package io.stepcache.liberty.rest;

import io.stepcache.backend.openai.BoundedJson;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/** Parsing request bodies that must be exactly one JSON object, with messages a caller can act on. */
final class JsonBodies {

  private JsonBodies() {}

  /**
   * The body as one JSON object.
   *
   * @param example a valid body, quoted in the message when the body is empty
   * @throws StepCacheException {@code MALFORMED_REQUEST} for an empty body, invalid JSON, several
   *     values, or a value that is not an object
   */
  static JsonObject object(byte[] body, String example) {
    if (body.length == 0) {
      throw malformed("The request body is empty; send a JSON object such as " + example);
    }
    JsonValue value;
    try {
      value = BoundedJson.parse(new String(body, StandardCharsets.UTF_8));
    } catch (BoundedJson.NotJson e) {
      throw malformed("The request body is not one valid JSON value nested less than " + BoundedJson.MAX_DEPTH
          + " levels deep: " + e.getMessage());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw malformed("The request body must be a JSON object, not " + kind(value));
    }
    return value.asJsonObject();
  }

  /** "an array", "a number (3)"...: what a value is, for messages. */
  static String kind(JsonValue v) {
    return switch (v.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number (" + v + ")";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

  /** The string field {@code field} of {@code o}, or null when it is missing or null. */
  static String string(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v.getValueType() != JsonValue.ValueType.STRING) {
      throw malformed("'" + field + "' must be a string, not " + kind(v));
    }
    return ((JsonString) v).getString();
  }

  static StepCacheException malformed(String message) {
    return new StepCacheException(ErrorCode.MALFORMED_REQUEST, message);
  }
}
