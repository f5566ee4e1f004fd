package io.stepcache.packs.json.verify;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A step's value together with the source text and the value's occurrences in it: what a {@link
 * KeySemantics} row checks.
 *
 * @param value the parsed value (a String or a Number)
 * @param source the source text
 * @param occurrences the value's spans in {@code source} ({@link Occurrences}), at least one
 */
record ValueSite(Object value, String source, List<int[]> occurrences) {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  ValueSite {
    occurrences = List.copyOf(occurrences);
  }

  /** The value as a number: a JSON number, or a string that is a plain number ("1998"). */
  Optional<BigDecimal> number() {
    if (value instanceof Number n) {
      try {
        return Optional.of(new BigDecimal(n.toString()));
      } catch (NumberFormatException e) { // NaN or infinity: not a number a text can hold
        return Optional.empty();
      }
    }
    if (value instanceof String s && PLAIN_NUMBER.matcher(s.strip()).matches()) {
      return Optional.of(new BigDecimal(s.strip()));
    }
    return Optional.empty();
  }

  /** True when every occurrence satisfies {@code mark} (there is at least one). */
  boolean everyOccurrence(SpanTest mark) {
    return !occurrences.isEmpty() && occurrences.stream().allMatch(o -> mark.test(source, o[0], o[1]));
  }

  /** True when some occurrence satisfies {@code mark}. */
  boolean someOccurrence(SpanTest mark) {
    return occurrences.stream().anyMatch(o -> mark.test(source, o[0], o[1]));
  }

  /** True when the value is a string satisfying {@code test}. */
  boolean stringMatches(Predicate<String> test) {
    return value instanceof String s && test.test(s);
  }

  /** A test on a span of a text ({@link TextMarks}, {@link io.stepcache.packs.json.text.ContrastCues}). */
  @FunctionalInterface
  interface SpanTest {
    boolean test(String text, int start, int end);
  }
}
