package io.stepcache.packs.json.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a string or number value occurs in a source text, as {@code [start, end)} spans: a string
 * as whole words (case and runs of whitespace ignored; "Ann" is not in "Annabel"), a number as a
 * number ({@code 31} in "31 years", {@code 1200.5} in "1,200.50"; {@code 5} is not in "5132" nor
 * in "lena5"). The one definition of "the value is in the text" that grounding, negation and the
 * key semantics share.
 */
final class Occurrences {

  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?:,\\d{3})*(?:\\.\\d+)?");
  private static final String WORD_CHAR = "[\\p{L}\\p{Nd}]";

  private Occurrences() {}

  /** The spans of {@code value} (a String or Number) in {@code text}; empty for other values. */
  static List<int[]> of(Object value, String text) {
    if (value instanceof String s) {
      return ofString(s, text);
    }
    if (value instanceof Number n) {
      try {
        return ofNumber(new BigDecimal(n.toString()), text);
      } catch (NumberFormatException e) { // NaN or infinity: no plain form in any text
        return List.of();
      }
    }
    return List.of();
  }

  /** Every number written in {@code text}, with its span (thousands separators allowed). */
  static List<NumberSpan> numbers(String text) {
    List<NumberSpan> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(new NumberSpan(new BigDecimal(m.group().replace(",", "")), m.start(), m.end()));
    }
    return out;
  }

  private static List<int[]> ofNumber(BigDecimal number, String text) {
    List<int[]> out = new ArrayList<>();
    for (NumberSpan n : numbers(text)) {
      if (n.value().compareTo(number) == 0) {
        out.add(new int[] {n.start(), n.end()});
      }
    }
    return out;
  }

  private static List<int[]> ofString(String value, String text) {
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      return List.of();
    }
    StringBuilder regex = new StringBuilder();
    if (Character.isLetterOrDigit(stripped.charAt(0))) {
      regex.append("(?<!").append(WORD_CHAR).append(')');
    }
    String[] words = stripped.split("\\s+");
    for (int i = 0; i < words.length; i++) {
      regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    }
    if (Character.isLetterOrDigit(stripped.charAt(stripped.length() - 1))) {
      regex.append("(?!").append(WORD_CHAR).append(')');
    }
    Matcher m = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
    List<int[]> out = new ArrayList<>();
    int from = 0;
    while (from <= text.length() && m.find(from)) {
      out.add(new int[] {m.start(), m.end()});
      from = m.start() + 1;
    }
    return out;
  }

  /** A number written in a text and its span. */
  record NumberSpan(BigDecimal value, int start, int end) {}
}
