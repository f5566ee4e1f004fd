package io.stepcache.packs.json.verify;

import io.stepcache.packs.json.text.ContrastCues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pack's table of key semantics: what a key's words say its value is, where the schema is
 * silent. One row per semantic: the words that name it, a plausibility check (fails only what is
 * clearly wrong: a year glued to a currency sign, an age that is a phone prefix) and, for the few
 * classes whose values can be listed exhaustively in a text, a determination (the value is the only
 * one of its class there, so no other answer would pass). Strings without a class (names, cities,
 * titles) are never determined.
 *
 * <p>A key is recognised by its head word: the last word of its camelCase / snake_case / kebab
 * name, after generic trailing words ({@code number}, {@code address}, {@code value}, {@code
 * years}...). {@code birthYear}, {@code release_year}, {@code contactEmail}, {@code emailAddress},
 * {@code phoneNumber}, {@code monthlyRent} are recognised; {@code totalGuests} and {@code ageGroup}
 * are not (their head is another word).
 *
 * <table>
 *   <caption>Rows</caption>
 *   <tr><th>semantic</th><th>head words</th><th>implausible when</th><th>determined when</th></tr>
 *   <tr><td>year</td><td>year</td><td>a number outside 1000..2100 or with a fraction, or every
 *       occurrence is money or a measure ("€1980 a month")</td><td>the only number 1000..2100 that is
 *       neither</td></tr>
 *   <tr><td>age</td><td>age</td><td>a number outside 0..130, or every occurrence is money, part of a
 *       phone number or after '+'</td><td>the only number 0..130 that is none of these, and it says
 *       "years old" / "aged" / "age"</td></tr>
 *   <tr><td>price</td><td>price cost amount total rent fee fare salary</td><td>negative, or the text
 *       marks amounts as money and no occurrence of this one is</td><td>the only amount marked as
 *       money</td></tr>
 *   <tr><td>rating</td><td>rating score stars</td><td>negative, or every occurrence is the top of a
 *       scale ("out of 6")</td><td>never</td></tr>
 *   <tr><td>email</td><td>email mail</td><td>not an e-mail address</td><td>the only e-mail address</td></tr>
 *   <tr><td>phone</td><td>phone tel telephone mobile cell fax</td><td>a letter or other symbol than
 *       phone punctuation, or fewer than 5 digits</td><td>the only phone-like run of 7+ digits</td></tr>
 *   <tr><td>date</td><td>date birthday birthdate dob deadline</td><td>no digit and no month name, or
 *       a number that is no year nor yyyymmdd</td><td>never</td></tr>
 *   <tr><td>city</td><td>city town</td><td>two capitals that only ever follow "Place, " (the state
 *       code: "Austin, TX")</td><td>never</td></tr>
 * </table>
 */
final class KeySemantics {

  private static final Set<String> GENERIC_TAIL =
      Set.of("number", "num", "no", "address", "addr", "value", "years", "yrs", "usd", "eur", "gbp");
  private static final BigDecimal YEAR_MIN = BigDecimal.valueOf(1000);
  private static final BigDecimal YEAR_MAX = BigDecimal.valueOf(2100);
  private static final BigDecimal AGE_MAX = BigDecimal.valueOf(130);
  private static final Pattern EMAIL_VALUE = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final Pattern PHONE_VALUE = Pattern.compile("[\\d\\s+().\\-/]+");
  private static final Pattern STATE_CODE = Pattern.compile("\\p{Lu}{2}");
  private static final Pattern AFTER_PLACE = Pattern.compile("\\p{Lu}[\\p{L}.'’-]*,\\s*$");
  private static final Pattern AGE_MARK_BEFORE = Pattern.compile("(?i)\\b(?:aged?|age\\s*[:=]|age\\s+of)\\s*$");
  private static final Pattern AGE_MARK_AFTER = Pattern.compile("(?i)^\\s*-?\\s*(?:years?|yrs?)\\s*-?\\s*old\\b");
  private static final Pattern MONTH_OR_DAY = Pattern.compile(
      "(?i)\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b|\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\\b|today|tomorrow|yesterday");

  /** The rows, in the order keys are matched against them. */
  static final List<Semantic> TABLE = List.of(
      new Semantic("year", Set.of("year"), KeySemantics::implausibleYear, KeySemantics::determinedYear),
      new Semantic("age", Set.of("age"), KeySemantics::implausibleAge, KeySemantics::determinedAge),
      new Semantic("price", Set.of("price", "cost", "amount", "total", "rent", "fee", "fare", "salary"),
          KeySemantics::implausiblePrice, KeySemantics::determinedPrice),
      new Semantic("rating", Set.of("rating", "score", "stars"), KeySemantics::implausibleRating, Semantic.NEVER),
      new Semantic("email", Set.of("email", "mail"), KeySemantics::implausibleEmail, KeySemantics::determinedEmail),
      new Semantic("phone", Set.of("phone", "tel", "telephone", "mobile", "cell", "fax"),
          KeySemantics::implausiblePhone, KeySemantics::determinedPhone),
      new Semantic("date", Set.of("date", "birthday", "birthdate", "dob", "deadline"),
          KeySemantics::implausibleDate, Semantic.NEVER),
      new Semantic("city", Set.of("city", "town"), KeySemantics::implausibleCity, Semantic.NEVER));

  private KeySemantics() {}

  /** The semantic of {@code key} by its head word, if the table has one. */
  static Optional<Semantic> of(String key) {
    List<String> words = words(key);
    int head = words.size() - 1;
    while (head > 0 && GENERIC_TAIL.contains(words.get(head))) {
      head--;
    }
    if (head < 0) {
      return Optional.empty();
    }
    String word = words.get(head);
    return TABLE.stream().filter(s -> s.words().contains(word)).findFirst();
  }

  /** {@code birthYear}, {@code birth_year}, {@code birth-year} give [birth, year]. */
  static List<String> words(String key) {
    String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return spaced.isEmpty() ? List.of() : List.of(spaced.toLowerCase(Locale.ROOT).split(" "));
  }

  // ---- year

  private static boolean moneyOrMeasure(String text, int start, int end) {
    return TextMarks.money(text, start, end) || TextMarks.measure(text, start, end);
  }

  private static Optional<String> implausibleYear(ValueSite site) {
    Optional<BigDecimal> n = site.number();
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (!integral(n.get()) || n.get().compareTo(YEAR_MIN) < 0 || n.get().compareTo(YEAR_MAX) > 0) {
      return Optional.of("is no year between 1000 and 2100");
    }
    if (site.everyOccurrence(KeySemantics::moneyOrMeasure)) {
      return Optional.of("appears in the source text only as an amount or a measure, not as a year");
    }
    return Optional.empty();
  }

  private static Optional<String> determinedYear(ValueSite site) {
    List<int[]> years = spansOf(site.source(), n -> integral(n.value()) && n.value().compareTo(YEAR_MIN) >= 0
        && n.value().compareTo(YEAR_MAX) <= 0 && !moneyOrMeasure(site.source(), n.start(), n.end()));
    return onlyOne(site, years, "is the only year-like number in the source text");
  }

  // ---- age

  private static boolean notAnAge(String text, int start, int end) {
    return TextMarks.money(text, start, end) || TextMarks.phonePart(text, start, end);
  }

  private static Optional<String> implausibleAge(ValueSite site) {
    Optional<BigDecimal> n = site.number();
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get().signum() < 0 || n.get().compareTo(AGE_MAX) > 0) {
      return Optional.of("is no age between 0 and 130");
    }
    if (site.everyOccurrence(KeySemantics::notAnAge)) {
      return Optional.of("appears in the source text only as money or part of a phone number, not as an age");
    }
    return Optional.empty();
  }

  private static Optional<String> determinedAge(ValueSite site) {
    String text = site.source();
    List<int[]> ages = spansOf(text, n -> n.value().signum() >= 0 && n.value().compareTo(AGE_MAX) <= 0
        && !notAnAge(text, n.start(), n.end()) && !ContrastCues.cued(text, n.start(), n.end()));
    boolean marked = site.someOccurrence((t, s, e) -> AGE_MARK_BEFORE.matcher(t.substring(Math.max(0, s - 12), s)).find()
        || AGE_MARK_AFTER.matcher(t.substring(e, Math.min(t.length(), e + 16))).find());
    return marked ? onlyOne(site, ages, "is the only age-like number in the source text, marked as an age")
        : Optional.empty();
  }

  // ---- price

  private static Optional<String> implausiblePrice(ValueSite site) {
    Optional<BigDecimal> n = site.number();
    if (n.isEmpty() || !(site.value() instanceof Number)) {
      return Optional.empty();
    }
    if (n.get().signum() < 0) {
      return Optional.of("is a negative amount");
    }
    if (TextMarks.anyMoney(site.source()) && !site.someOccurrence(TextMarks::money)) {
      return Optional.of("is not marked as money where the source text marks its amounts with a currency");
    }
    return Optional.empty();
  }

  private static Optional<String> determinedPrice(ValueSite site) {
    if (!(site.value() instanceof Number)) {
      return Optional.empty();
    }
    return onlyOne(site, spansOf(site.source(), n -> TextMarks.money(site.source(), n.start(), n.end())),
        "is the only amount of money in the source text");
  }

  // ---- rating

  private static Optional<String> implausibleRating(ValueSite site) {
    Optional<BigDecimal> n = site.number();
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get().signum() < 0) {
      return Optional.of("is a negative rating");
    }
    if (site.everyOccurrence(ContrastCues::scaleMaximum)) {
      return Optional.of("is the top of the scale (\"out of\"), not the rating given");
    }
    return Optional.empty();
  }

  // ---- email

  private static Optional<String> implausibleEmail(ValueSite site) {
    return site.stringMatches(s -> EMAIL_VALUE.matcher(s.strip()).matches())
        ? Optional.empty() : Optional.of("is not an e-mail address");
  }

  private static Optional<String> determinedEmail(ValueSite site) {
    if (!(site.value() instanceof String s)) {
      return Optional.empty();
    }
    Set<String> addresses = new java.util.HashSet<>();
    Matcher m = TextMarks.EMAIL.matcher(site.source());
    while (m.find()) {
      addresses.add(m.group().toLowerCase(Locale.ROOT));
    }
    return addresses.equals(Set.of(s.strip().toLowerCase(Locale.ROOT)))
        ? Optional.of("is the only e-mail address in the source text") : Optional.empty();
  }

  // ---- phone

  private static Optional<String> implausiblePhone(ValueSite site) {
    String text = site.value() instanceof Number n ? n.toString() : site.value().toString();
    if (!PHONE_VALUE.matcher(text).matches()) {
      return Optional.of("is not a phone number (only digits and phone punctuation)");
    }
    return text.chars().filter(Character::isDigit).count() < 5
        ? Optional.of("has too few digits for a phone number") : Optional.empty();
  }

  private static Optional<String> determinedPhone(ValueSite site) {
    if (!(site.value() instanceof String)) {
      return Optional.empty();
    }
    List<int[]> phones = TextMarks.phoneSpans(site.source());
    boolean whole = phones.size() == 1 && site.occurrences().stream()
        .anyMatch(o -> o[0] == phones.get(0)[0] && o[1] == phones.get(0)[1]);
    return whole ? Optional.of("is the only phone number in the source text") : Optional.empty();
  }

  // ---- date

  private static Optional<String> implausibleDate(ValueSite site) {
    if (site.value() instanceof Number) {
      BigDecimal n = site.number().orElse(BigDecimal.ZERO);
      boolean year = integral(n) && n.compareTo(YEAR_MIN) >= 0 && n.compareTo(YEAR_MAX) <= 0;
      boolean compact = integral(n) && n.toBigInteger().toString().length() == 8;
      return year || compact ? Optional.empty() : Optional.of("is no date");
    }
    String s = (String) site.value();
    boolean shaped = s.chars().anyMatch(Character::isDigit) || MONTH_OR_DAY.matcher(s).find();
    return shaped ? Optional.empty() : Optional.of("has no date shape (no digit, no month or day name)");
  }

  // ---- city

  private static Optional<String> implausibleCity(ValueSite site) {
    boolean code = site.stringMatches(s -> STATE_CODE.matcher(s).matches())
        && site.everyOccurrence((t, s, e) -> AFTER_PLACE.matcher(t.substring(Math.max(0, s - 24), s)).find());
    return code ? Optional.of("is the state or region code after a place, not a city") : Optional.empty();
  }

  // ---- helpers

  private static boolean integral(BigDecimal n) {
    return n.stripTrailingZeros().scale() <= 0;
  }

  private static List<int[]> spansOf(String text, java.util.function.Predicate<Occurrences.NumberSpan> keep) {
    List<int[]> out = new ArrayList<>();
    for (Occurrences.NumberSpan n : Occurrences.numbers(text)) {
      if (keep.test(n)) {
        out.add(new int[] {n.start(), n.end()});
      }
    }
    return out;
  }

  /** Determined when {@code classSpans} is exactly one span and it is an occurrence of the value. */
  private static Optional<String> onlyOne(ValueSite site, List<int[]> classSpans, String reason) {
    boolean only = classSpans.size() == 1 && site.occurrences().stream()
        .anyMatch(o -> o[0] == classSpans.get(0)[0] && o[1] == classSpans.get(0)[1]);
    return only ? Optional.of(reason) : Optional.empty();
  }
}
