package io.stepcache.engine.backend.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error real extraction models make most: the value of one {@code "key": value} line replaced
 * by another span of the source text that has the same JSON type and shape, so it is grounded in
 * the text and well-typed and only the meaning is wrong (the rent instead of the year, "6" of "out
 * of 6" instead of the rating, the brother's name instead of hers).
 *
 * <p>Candidates, by the true value's shape:
 *
 * <ul>
 *   <li>an integer: every other integer token (any digit run not part of a decimal, so also the
 *       {@code 39} of {@code +39}); a decimal: every other number token;
 *   <li>an e-mail address: every other e-mail address;
 *   <li>a phone-like run ({@code +39 333 123 4567}): every other phone-like run;
 *   <li>n capitalised words ({@code Alice Smith}): every other run of exactly n capitalised words,
 *       leading function words ({@code The}, {@code A}, ...) left off the run;
 *   <li>anything else: every other whitespace-separated token (surrounding punctuation trimmed)
 *       with the same shape, letters and digits mapped to their class ({@code friday}: a lowercase
 *       word of six letters; {@code 19:30}: two digits, a colon, two digits).
 * </ul>
 *
 * <p>Other values ({@code null}, booleans, objects) and values with no candidate leave the line
 * unchanged. The choice among the candidates (distinct, in text order) is one draw of the caller's
 * seeded stream, so the simulator stays deterministic.
 */
final class GroundedDistractor {

  private static final Pattern KEY_VALUE = Pattern.compile("^(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*:\\s*)(.*?)(\\s*,?\\s*)$");
  private static final Pattern JSON_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
  private static final Pattern JSON_INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern TEXT_NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{5,}\\d");
  private static final String WORD = "[A-Z][\\p{L}\\p{M}'’-]*";
  private static final Pattern CAPITALISED_PHRASE = Pattern.compile(WORD + "(?: " + WORD + ")*");
  private static final Pattern CAPITALISED_RUN = Pattern.compile("(?<![\\p{L}\\p{M}\\d])" + WORD + "(?:\\s+" + WORD + ")*");
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "A", "An", "The", "At", "In", "On", "Of", "For", "From", "To", "With", "Our", "My", "His", "Her", "Their",
      "This", "That", "It", "He", "She", "They", "We", "I", "And", "Or", "But");
  private static final String TRIM = "^[\\p{Punct}“”‘’«»]+|[\\p{Punct}“”‘’«»]+$";

  private GroundedDistractor() {}

  /** {@code line} with its value replaced by a distractor from {@code source}; the line itself when there is none. */
  static String apply(String line, String source, SplittableRandom rnd) {
    Matcher m = KEY_VALUE.matcher(line);
    if (!m.matches()) {
      return line;
    }
    String value = m.group(2);
    List<String> candidates = candidates(value, source);
    if (candidates.isEmpty()) {
      return line;
    }
    return m.group(1) + candidates.get(rnd.nextInt(candidates.size())) + m.group(3);
  }

  /** The JSON literals that could replace {@code value}: same type and shape, from {@code source}, not equal to it. */
  static List<String> candidates(String value, String source) {
    if (JSON_NUMBER.matcher(value).matches()) {
      return numbers(value, source);
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      String text = JsonString.unquote(value);
      return text == null ? List.of() : strings(text, source).stream().map(JsonString::quote).toList();
    }
    return List.of();
  }

  private static List<String> numbers(String value, String source) {
    boolean integer = JSON_INTEGER.matcher(value).matches();
    BigDecimal truth = new BigDecimal(value);
    Set<BigDecimal> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    Matcher m = TEXT_NUMBER.matcher(source);
    while (m.find()) {
      String token = m.group();
      if (integer && token.contains(".")) {
        continue;
      }
      BigDecimal n = new BigDecimal(token);
      if (n.compareTo(truth) != 0 && seen.add(n.stripTrailingZeros())) {
        out.add(n.toPlainString());
      }
    }
    return out;
  }

  private static List<String> strings(String value, String source) {
    Set<String> out = new LinkedHashSet<>();
    if (EMAIL.matcher(value).matches()) {
      find(EMAIL, source, out);
    } else if (PHONE.matcher(value).matches()) {
      find(PHONE, source, out);
    } else if (CAPITALISED_PHRASE.matcher(value).matches()) {
      int words = value.split(" ").length;
      Matcher m = CAPITALISED_RUN.matcher(source);
      while (m.find()) {
        List<String> run = new ArrayList<>(List.of(m.group().split("\\s+")));
        while (!run.isEmpty() && FUNCTION_WORDS.contains(run.get(0))) {
          run.remove(0);
        }
        if (run.size() == words) {
          out.add(String.join(" ", run));
        }
      }
    } else {
      String shape = shape(value);
      for (String token : source.split("\\s+")) {
        String t = token.replaceAll(TRIM, "");
        if (!t.isEmpty() && shape(t).equals(shape)) {
          out.add(t);
        }
      }
    }
    out.remove(value);
    return List.copyOf(out);
  }

  private static void find(Pattern p, String source, Set<String> out) {
    Matcher m = p.matcher(source);
    while (m.find()) {
      out.add(m.group().strip());
    }
  }

  /** Lowercase letters as {@code a}, uppercase as {@code A}, digits as {@code 9}, the rest as is. */
  static String shape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> sb.appendCodePoint(
        Character.isLowerCase(c) ? 'a' : Character.isUpperCase(c) ? 'A' : Character.isDigit(c) ? '9' : c));
    return sb.toString();
  }
}
