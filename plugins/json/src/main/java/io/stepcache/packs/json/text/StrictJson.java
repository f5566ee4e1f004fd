package io.stepcache.packs.json.text;

import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONParserConfiguration;

/**
 * Strict JSON parsing on top of org.json: no unquoted or single-quoted strings, no trailing
 * characters, no duplicate keys. org.json's default mode accepts all of those, which would let a
 * broken answer pass as JSON.
 */
public final class StrictJson {

  private static final JSONParserConfiguration STRICT = new JSONParserConfiguration().withStrictMode();

  private StrictJson() {}

  /**
   * One JSON value ({@link String}, {@link Number}, {@link Boolean}, {@link JSONObject#NULL},
   * {@link JSONObject} or {@link JSONArray}), or empty when {@code text} is not exactly one value.
   */
  public static Optional<Object> value(String text) {
    try {
      JSONArray wrapper = new JSONArray("[" + text + "]", STRICT);
      return wrapper.length() == 1 ? Optional.of(wrapper.get(0)) : Optional.empty();
    } catch (JSONException e) {
      return Optional.empty();
    }
  }

  /** The object {@code text} holds, or empty when it is not exactly one JSON object. */
  public static Optional<JSONObject> object(String text) {
    return value(text).filter(JSONObject.class::isInstance).map(JSONObject.class::cast);
  }

  /** The value as compact JSON text. */
  public static String compact(Object value) {
    return JSONObject.valueToString(value);
  }

  /** {@code text} as a JSON string literal. */
  public static String quote(String text) {
    return JSONObject.quote(text);
  }
}
