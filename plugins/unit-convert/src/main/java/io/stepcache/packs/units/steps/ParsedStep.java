package io.stepcache.packs.units.steps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step read back into numbers and unit names (names as written; the catalogue resolves them).
 *
 * @param kind which of the three steps it is, or {@code OTHER}
 * @param value the quantity converted (PRODUCT), 1 (FACTOR), the result (ANSWER)
 * @param from the source unit as written ({@code null} for ANSWER)
 * @param factor the stated factor (FACTOR, PRODUCT), else NaN
 * @param result the stated result (PRODUCT, ANSWER) or the factor (FACTOR)
 * @param to the target unit as written
 */
public record ParsedStep(StepKind kind, double value, String from, double factor, double result, String to) {

  private static final String NUM = "(-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)";
  private static final String UNIT = "([A-Za-z]+)";
  private static final Pattern FACTOR = Pattern.compile("1\\s*" + UNIT + "\\s*=\\s*" + NUM + "\\s*" + UNIT + "\\.?");
  private static final Pattern PRODUCT = Pattern.compile(
      NUM + "\\s*" + UNIT + "\\s*[×x*·]\\s*" + NUM + "\\s*=\\s*" + NUM + "\\s*" + UNIT + "\\.?");
  private static final Pattern ANSWER = Pattern.compile("(?i:answer)\\s*:\\s*" + NUM + "\\s*" + UNIT + "\\.?");

  private static final ParsedStep OTHER = new ParsedStep(StepKind.OTHER, Double.NaN, null, Double.NaN, Double.NaN, null);

  /** Reads one step. */
  public static ParsedStep parse(String step) {
    String s = step.strip();
    Matcher m = FACTOR.matcher(s);
    if (m.matches()) {
      double f = Double.parseDouble(m.group(2));
      return new ParsedStep(StepKind.FACTOR, 1, m.group(1), f, f, m.group(3));
    }
    m = PRODUCT.matcher(s);
    if (m.matches()) {
      return new ParsedStep(
          StepKind.PRODUCT,
          Double.parseDouble(m.group(1)),
          m.group(2),
          Double.parseDouble(m.group(3)),
          Double.parseDouble(m.group(4)),
          m.group(5));
    }
    m = ANSWER.matcher(s);
    if (m.matches()) {
      double r = Double.parseDouble(m.group(1));
      return new ParsedStep(StepKind.ANSWER, r, null, Double.NaN, r, m.group(2));
    }
    return OTHER;
  }
}
