package io.stepcache.packs.json.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place for what the text around a number says it is: money ("€1980", "$ 40", "55 USD",
 * "12 euros"), a measure ("1980 a month", "30 km", "45%"), part of a phone number ("+39 333 123
 * 4567") or a value after a plus sign; and the shapes of e-mail addresses and phone numbers. The
 * key semantics ({@link KeySemantics}) read these marks. Stateless.
 */
final class TextMarks {

  static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  /** A phone-like run: digits with spaces, dots, dashes, slashes and parentheses, at least 7 digits. */
  private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\(?\\d[\\d\\s().\\-/]{5,}\\d(?!\\w)");
  private static final int MIN_PHONE_DIGITS = 7;
  private static final Pattern CURRENCY_BEFORE =
      Pattern.compile("(?:[$€£¥₹]|\\b(?:USD|EUR|GBP|CHF|JPY|CAD|AUD|US\\$))\\s?$");
  private static final Pattern CURRENCY_AFTER =
      Pattern.compile("(?i)^\\s?(?:[$€£¥₹]|(?:usd|eur|gbp|chf|jpy|dollars?|euros?|pounds?|yen|francs?)\\b)");
  private static final Pattern UNIT_AFTER = Pattern.compile(
      "(?i)^\\s?(?:%|(?:km|kg|g|cm|mm|mi|lbs?|ml|kwh|mph|km/h|m²|sq)\\b|a\\s+(?:month|week|day|night|year)\\b|per\\b|/)");
  private static final int WINDOW = 16;

  private TextMarks() {}

  /** A currency sign or word just before or just after the span. */
  static boolean money(String text, int start, int end) {
    return CURRENCY_BEFORE.matcher(before(text, start)).find() || CURRENCY_AFTER.matcher(after(text, end)).find();
  }

  /** A unit or rate just after the span ("a month", "km", "%"). */
  static boolean measure(String text, int start, int end) {
    return UNIT_AFTER.matcher(after(text, end)).find();
  }

  /** The span lies inside a phone-like run of digits, or just after a plus sign ("+39"). */
  static boolean phonePart(String text, int start, int end) {
    if (start > 0 && text.charAt(start - 1) == '+') {
      return true;
    }
    return phoneSpans(text).stream().anyMatch(p -> p[0] <= start && end <= p[1]);
  }

  /** Every phone-like run in {@code text}. */
  static List<int[]> phoneSpans(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = PHONE.matcher(text);
    while (m.find()) {
      if (m.group().chars().filter(Character::isDigit).count() >= MIN_PHONE_DIGITS) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  /** True when some number of {@code text} is marked as money. */
  static boolean anyMoney(String text) {
    return Occurrences.numbers(text).stream().anyMatch(n -> money(text, n.start(), n.end()));
  }

  private static String before(String text, int start) {
    return text.substring(Math.max(0, start - WINDOW), start);
  }

  private static String after(String text, int end) {
    return text.substring(end, Math.min(text.length(), end + WINDOW));
  }
}
