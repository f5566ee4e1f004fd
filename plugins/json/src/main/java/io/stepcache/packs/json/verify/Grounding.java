package io.stepcache.packs.json.verify;

import io.stepcache.packs.json.request.KeySpec;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Whether a value is backed by the source text: a string appears in it as whole words (case and
 * runs of whitespace ignored; {@code "5"} is not backed by "$5132", nor {@code "Ann"} by "Annabel"),
 * a number appears in it as a number ({@code 31} matches "31 years", {@code
 * 1200.5} matches "1,200.50"), a boolean or {@code null} only when the key's schema type names
 * {@code boolean} or {@code null}; objects and arrays when every element is.
 */
final class Grounding {

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:,\\d{3})*(?:\\.\\d+)?");

  private Grounding() {}

  static boolean grounded(Object value, String sourceText, Optional<KeySpec> key) {
    if (value instanceof String s) {
      return !s.isBlank() && wholeWordsIn(normalise(s), normalise(sourceText));
    }
    if (value instanceof Number n) {
      return numberIn(new BigDecimal(n.toString()), sourceText);
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

  private static boolean numberIn(BigDecimal number, String text) {
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      if (new BigDecimal(m.group().replace(",", "")).compareTo(number) == 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code value} occurs in {@code text} without a letter or digit glued to either end. */
  private static boolean wholeWordsIn(String value, String text) {
    for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      int end = at + value.length();
      boolean startOk = at == 0 || !glued(text.charAt(at - 1), value.charAt(0));
      boolean endOk = end == text.length() || !glued(text.charAt(end), value.charAt(value.length() - 1));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  /** Two adjacent characters that belong to one word or number. */
  private static boolean glued(char outside, char inside) {
    return Character.isLetterOrDigit(outside) && Character.isLetterOrDigit(inside);
  }

  private static String normalise(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
