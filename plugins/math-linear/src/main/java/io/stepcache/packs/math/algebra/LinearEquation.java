package io.stepcache.packs.math.algebra;

import java.util.OptionalDouble;

/**
 * A linear equation {@code left = right} in one unknown, each side kept as written (the pack's
 * operations act on sides, so {@code 3x = 15} and {@code 15 = 3x} are different equations with
 * the same solution).
 */
public record LinearEquation(LinearSide left, LinearSide right) {

  /** The equation of two polynomials of degree at most 1. */
  public static LinearEquation of(Poly left, Poly right) {
    return new LinearEquation(LinearSide.of(left), LinearSide.of(right));
  }

  /** {@code right = left}. */
  public LinearEquation swapped() {
    return new LinearEquation(right, left);
  }

  /** Coefficient of the unknown once everything is moved left. */
  public double combinedCoefficient() {
    return left.coefficient() - right.coefficient();
  }

  /** Constant once everything is moved right. */
  public double combinedConstant() {
    return right.constant() - left.constant();
  }

  /** True when the unknown cancels out (no solution or every number is one). */
  public boolean isDegenerate() {
    return Numbers.close(left.coefficient(), right.coefficient());
  }

  /** Both sides equal within tolerance. */
  public boolean closeTo(LinearEquation other) {
    return left.closeTo(other.left) && right.closeTo(other.right);
  }

  /** Both sides rounded to 10 significant digits, as the equation reads once written. */
  public LinearEquation rounded() {
    return new LinearEquation(left.rounded(), right.rounded());
  }

  /**
   * The value when the equation reads {@code v = value} or {@code value = v}; empty otherwise.
   */
  public OptionalDouble solvedValue() {
    if (left.isBareUnknown() && !right.hasUnknown()) {
      return OptionalDouble.of(right.constant());
    }
    if (right.isBareUnknown() && !left.hasUnknown()) {
      return OptionalDouble.of(left.constant());
    }
    return OptionalDouble.empty();
  }

  /** Canonical text, e.g. {@code 3x + 5 = 20}. */
  public String render(String variable) {
    return left.render(variable) + " = " + right.render(variable);
  }
}
