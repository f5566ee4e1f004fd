package io.stepcache.engine.backend.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@link ErrorInjection} to a perfect answer, line by line (one line = one step). Each line
 * draws once; the error kind whose slice of [0,1) holds the draw is applied, when the line
 * offers something to break. The slices are laid out in the order of {@link ErrorInjection}'s
 * components, {@code groundedDistractor} last, so a profile without it draws exactly as before.
 */
final class ErrorInjector {

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern JSON_KEY_LINE = Pattern.compile("^\\s*\"[^\"]+\"\\s*:.*");

  /** The possibly damaged text and whether it was cut short. */
  record Result(String text, boolean truncated) {}

  private ErrorInjector() {}

  /** {@link #apply(String, ErrorInjection, SplittableRandom, String)} with the answer as its own source text. */
  static Result apply(String answer, ErrorInjection e, SplittableRandom rnd) {
    return apply(answer, e, rnd, answer);
  }

  /**
   * Damages {@code answer}; grounded distractors come from the source text of {@code prompt} (see
   * {@link SourceText#of}).
   */
  static Result apply(String answer, ErrorInjection e, SplittableRandom rnd, String prompt) {
    if (e.isNone()) {
      return new Result(answer, false);
    }
    String[] lines = answer.split("\n", -1);
    List<String> out = new ArrayList<>(lines.length);
    boolean malformed = false;
    String source = null;
    for (String line : lines) {
      Kind kind = draw(e, rnd.nextDouble());
      switch (kind) {
        case WRONG_ARITHMETIC -> out.add(shiftLastNumber(line, rnd));
        case WRONG_SIGN -> out.add(flipLastSign(line));
        case MISSING_JSON_KEY -> {
          if (!JSON_KEY_LINE.matcher(line).matches()) {
            out.add(line);
          }
        }
        case MALFORMED_JSON -> {
          malformed = true;
          out.add(line);
        }
        case TRUNCATED -> {
          if (!line.isEmpty()) {
            out.add(line.substring(0, rnd.nextInt(line.length())));
            return new Result(String.join("\n", out), true);
          }
          out.add(line);
        }
        case GROUNDED_DISTRACTOR -> {
          if (JSON_KEY_LINE.matcher(line).matches()) {
            source = source != null ? source : SourceText.of(prompt);
            out.add(GroundedDistractor.apply(line, source, rnd));
          } else {
            out.add(line);
          }
        }
        case NONE -> out.add(line);
      }
    }
    String text = String.join("\n", out);
    return new Result(malformed ? breakJson(text) : text, false);
  }

  private enum Kind {
    WRONG_ARITHMETIC,
    WRONG_SIGN,
    MISSING_JSON_KEY,
    MALFORMED_JSON,
    TRUNCATED,
    GROUNDED_DISTRACTOR,
    NONE
  }

  /** The error kind whose slice of [0,1) holds {@code r}; slices are laid out in declaration order. */
  private static Kind draw(ErrorInjection e, double r) {
    double[] rates = {e.wrongArithmetic(), e.wrongSign(), e.missingJsonKey(), e.malformedJson(), e.truncated(),
        e.groundedDistractor()};
    double edge = 0;
    for (int i = 0; i < rates.length; i++) {
      edge += rates[i];
      if (r < edge) {
        return Kind.values()[i];
      }
    }
    return Kind.NONE;
  }

  private static String shiftLastNumber(String line, SplittableRandom rnd) {
    int delta = (rnd.nextInt(3) + 1) * (rnd.nextBoolean() ? 1 : -1);
    return replaceLastNumber(
        line, n -> new BigDecimal(n).add(BigDecimal.valueOf(delta)).toPlainString());
  }

  private static String flipLastSign(String line) {
    return replaceLastNumber(
        line, n -> n.matches("-?0+(\\.0+)?") ? n : n.startsWith("-") ? n.substring(1) : "-" + n);
  }

  /** The line with its last number replaced by {@code change(number)}; unchanged without numbers. */
  private static String replaceLastNumber(String line, UnaryOperator<String> change) {
    Matcher m = NUMBER.matcher(line);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start();
      end = m.end();
    }
    if (start < 0) {
      return line;
    }
    return line.substring(0, start) + change.apply(line.substring(start, end)) + line.substring(end);
  }

  /** Removes the last closing brace, or the last quote when there is none. */
  private static String breakJson(String text) {
    int brace = text.lastIndexOf('}');
    if (brace >= 0) {
      return text.substring(0, brace) + text.substring(brace + 1);
    }
    int quote = text.lastIndexOf('"');
    return quote >= 0 ? text.substring(0, quote) + text.substring(quote + 1) : text + "{";
  }
}
