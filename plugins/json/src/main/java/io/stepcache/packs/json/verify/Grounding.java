package io.stepcache.packs.json.verify;

import io.stepcache.packs.json.request.KeySpec;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Whether a value is backed by the source text ({@link Occurrences} says where): a string appears
 * in it as whole words (case and runs of whitespace ignored; {@code "5"} is not backed by "$5132",
 * nor {@code "Ann"} by "Annabel"), a number appears in it as a number ({@code 31} matches "31
 * years", {@code 1200.5} matches "1,200.50"), a boolean or {@code null} only when the key's schema type names
 * {@code boolean} or {@code null}; objects and arrays when every element is.
 */
final class Grounding {

  private Grounding() {}

  static boolean grounded(Object value, String sourceText, Optional<KeySpec> key) {
    if (value instanceof String || value instanceof Number) {
      return !Occurrences.of(value, sourceText).isEmpty();
    }
    if (value instanceof Boolean) {
      return key.map(k -> k.allows("boolean")).orElse(false);
    }
    if (JSONObject.NULL.equals(value)) {
      return key.map(k -> k.allows("null")).orElse(false);
    }
    if (value instanceof JSONObject object) {
      return object.keySet().stream().allMatch(k -> grounded(object.get(k), sourceText, key));
    }
    if (value instanceof JSONArray array) {
      for (Object element : array) {
        if (!grounded(element, sourceText, key)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
