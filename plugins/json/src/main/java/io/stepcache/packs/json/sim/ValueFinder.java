package io.stepcache.packs.json.sim;

import io.stepcache.packs.json.request.KeySpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;

/**
 * Finds one key's value in a source text. First a labelled value ({@code key: value}, {@code key =
 * value}, {@code key is value}); then a pattern chosen by the key's name (age, year, email, phone,
 * name, title, place, amount). The raw text is then typed: numbers for numeric schema types (and
 * for untyped values that are plain numbers), booleans for boolean types. Deterministic.
 */
final class ValueFinder {

  private static final String VALUE_END = "(?=\\s*(?:[,;\\n]|\\.(?:\\s|$)|$|\\s+and\\s))";
  private static final String PROPER_PHRASE = "([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)*)";
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+)*");
  private static final Set<String> NOT_NAMES = Set.of(
      "The", "A", "An", "This", "That", "These", "He", "She", "It", "They", "We", "I", "His", "Her",
      "Their", "Our", "My", "Name", "Contact", "Email", "Phone", "Age", "In", "On", "At", "From");
  private static final List<Rule> RULES = List.of(
      new Rule(words -> words.contains("age"),
          Pattern.compile("(?i)(\\d{1,3})[\\s-]*(?:years?|yrs?)[\\s-]*old|\\baged?\\s+(?:of\\s+)?(\\d{1,3})\\b")),
      new Rule(words -> words.contains("year"), Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)\\b")),
      new Rule(words -> words.contains("email") || words.contains("mail"),
          Pattern.compile("([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)")),
      new Rule(words -> words.contains("phone") || words.contains("tel") || words.contains("mobile"),
          Pattern.compile("(\\+?\\d[\\d\\s().-]{5,}\\d)")),
      new Rule(words -> words.contains("title"),
          Pattern.compile("\\b(?:film|movie|book|novel|song|album|show|series|game|titled|called|named)\\s+[\"“]?"
              + PROPER_PHRASE)),
      new Rule(words -> words.contains("city") || words.contains("country") || words.contains("place")
              || words.contains("location"),
          Pattern.compile("\\b(?:in|from|at|to)\\s+" + PROPER_PHRASE)),
      new Rule(words -> words.contains("price") || words.contains("amount") || words.contains("cost")
              || words.contains("total"),
          Pattern.compile("[$€£]\\s?(\\d[\\d,]*(?:\\.\\d+)?)|(\\d[\\d,]*(?:\\.\\d+)?)\\s?(?:USD|EUR|GBP|dollars|euros)")));

  private ValueFinder() {}

  /** The value of {@code key} in {@code text}, as an org.json value; {@link JSONObject#NULL} when absent. */
  static Object find(KeySpec key, String text) {
    List<String> words = words(key.name());
    Optional<String> raw = labelled(words, text).or(() -> byName(words, text));
    return raw.map(value -> typed(value, key)).orElse(JSONObject.NULL);
  }

  private static Optional<String> labelled(List<String> words, String text) {
    String label = String.join("[\\s_-]*", words.stream().map(Pattern::quote).toList());
    Pattern p = Pattern.compile("(?i)(?<![\\w-])" + label + "(?:\\s*[:=]\\s*|\\s+(?:is|was|are|were)\\s+)"
        + "(?:\"([^\"\\n]*)\"|([^,;\\n]+?)" + VALUE_END + ")");
    return firstGroup(p.matcher(text));
  }

  private static Optional<String> byName(List<String> words, String text) {
    for (Rule rule : RULES) {
      if (rule.applies().test(words)) {
        return firstGroup(rule.pattern().matcher(text));
      }
    }
    if (words.contains("name") || words.contains("author") || words.contains("person")) {
      return properName(text);
    }
    return Optional.empty();
  }

  private static Optional<String> properName(String text) {
    Matcher m = CAPITALISED.matcher(text);
    while (m.find()) {
      List<String> parts = new ArrayList<>(List.of(m.group().split("\\s+")));
      parts.removeIf(NOT_NAMES::contains);
      if (!parts.isEmpty()) {
        return Optional.of(String.join(" ", parts));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstGroup(Matcher m) {
    if (!m.find()) {
      return Optional.empty();
    }
    for (int g = 1; g <= m.groupCount(); g++) {
      if (m.group(g) != null) {
        return Optional.of(m.group(g).strip());
      }
    }
    return Optional.empty();
  }

  private static Object typed(String raw, KeySpec key) {
    String plain = raw.replace(",", "");
    boolean number = NUMBER.matcher(plain).matches();
    if (number && (key.numeric() || key.types().isEmpty())) {
      BigDecimal value = new BigDecimal(plain);
      return value.stripTrailingZeros().scale() <= 0 ? (Object) value.toBigInteger() : value;
    }
    if (key.allows("boolean") && raw.matches("(?i)true|yes|false|no")) {
      return raw.matches("(?i)true|yes");
    }
    return raw;
  }

  /** The key's words in lower case: {@code firstName}, {@code first_name} and {@code first-name} give [first, name]. */
  private static List<String> words(String key) {
    String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_\\-.\\s]+", " ");
    return List.of(spaced.strip().toLowerCase(Locale.ROOT).split(" "));
  }

  private record Rule(Predicate<List<String>> applies, Pattern pattern) {}
}
