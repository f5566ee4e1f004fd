package io.stepcache.packs.math.algebra;

/**
 * One side of a linear equation, {@code coefficient·v + constant}.
 *
 * @param coefficient factor of the unknown
 * @param constant the constant term
 */
public record LinearSide(double coefficient, double constant) {

  /** The side of a polynomial of degree at most 1. */
  public static LinearSide of(Poly poly) {
    if (poly.degree() > 1) {
      throw new IllegalArgumentException("Not linear: degree " + poly.degree());
    }
    return new LinearSide(poly.coefficient(1), poly.coefficient(0));
  }

  public LinearSide plus(LinearSide other) {
    return new LinearSide(coefficient + other.coefficient, constant + other.constant);
  }

  public LinearSide minus(LinearSide other) {
    return new LinearSide(coefficient - other.coefficient, constant - other.constant);
  }

  public LinearSide times(double factor) {
    return new LinearSide(coefficient * factor, constant * factor);
  }

  public LinearSide dividedBy(double divisor) {
    return new LinearSide(coefficient / divisor, constant / divisor);
  }

  /** Both parts rounded to 10 significant digits, as the side reads once written. */
  public LinearSide rounded() {
    return new LinearSide(Numbers.round(coefficient), Numbers.round(constant));
  }

  /** Equal within the pack's tolerance. */
  public boolean closeTo(LinearSide other) {
    return Numbers.close(coefficient, other.coefficient) && Numbers.close(constant, other.constant);
  }

  /** True when the side holds the unknown. */
  public boolean hasUnknown() {
    return !Numbers.close(coefficient, 0);
  }

  /** True when the side is exactly the unknown ({@code 1·v + 0}). */
  public boolean isBareUnknown() {
    return Numbers.close(coefficient, 1) && Numbers.close(constant, 0);
  }

  /** Canonical text: {@code 3x + 5}, {@code -x}, {@code x - 2.5}, {@code 7}, {@code 0}. */
  public String render(String variable) {
    if (!hasUnknown()) {
      return Numbers.format(constant);
    }
    String term = term(coefficient, variable);
    if (Numbers.close(constant, 0)) {
      return term;
    }
    String sign = constant < 0 ? " - " : " + ";
    return term + sign + Numbers.format(Math.abs(constant));
  }

  /** A term {@code coefficient·variable} as written: {@code x}, {@code -x}, {@code 2.5x}. */
  public static String term(double coefficient, String variable) {
    String number = Numbers.format(coefficient);
    if (number.equals("1")) {
      return variable;
    }
    if (number.equals("-1")) {
      return "-" + variable;
    }
    return number + variable;
  }
}
