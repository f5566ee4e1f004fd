package io.stepcache.packs.math.algebra;

import java.util.Arrays;

/**
 * A polynomial in one unknown with real coefficients, remembering the highest degree any part of
 * the expression it came from reached (so {@code x^2 - x^2 + x} still counts as quadratic).
 * Immutable.
 */
public final class Poly {

  /** Higher degrees are not polynomials this pack cares about. */
  static final int MAX_DEGREE = 8;

  private final double[] coefficients;
  private final int highestDegreeSeen;

  private Poly(double[] coefficients, int highestDegreeSeen) {
    int degree = coefficients.length - 1;
    while (degree > 0 && coefficients[degree] == 0) {
      degree--;
    }
    this.coefficients = Arrays.copyOf(coefficients, degree + 1);
    this.highestDegreeSeen = Math.max(highestDegreeSeen, degree);
  }

  /** The constant {@code value}. */
  public static Poly constant(double value) {
    return new Poly(new double[] {value}, 0);
  }

  /** The unknown itself. */
  public static Poly unknown() {
    return new Poly(new double[] {0, 1}, 1);
  }

  /** Degree after simplification (0 for constants, also for the zero polynomial). */
  public int degree() {
    return coefficients.length - 1;
  }

  /** The highest degree any sub-expression reached. */
  public int highestDegreeSeen() {
    return highestDegreeSeen;
  }

  /** Coefficient of {@code unknown^power} (0 beyond the degree). */
  public double coefficient(int power) {
    return power < coefficients.length ? coefficients[power] : 0;
  }

  public boolean isConstant() {
    return degree() == 0;
  }

  public Poly plus(Poly other) {
    double[] sum = new double[Math.max(coefficients.length, other.coefficients.length)];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = coefficient(i) + other.coefficient(i);
    }
    return new Poly(sum, Math.max(highestDegreeSeen, other.highestDegreeSeen));
  }

  public Poly negate() {
    double[] negated = new double[coefficients.length];
    for (int i = 0; i < negated.length; i++) {
      negated[i] = -coefficients[i];
    }
    return new Poly(negated, highestDegreeSeen);
  }

  public Poly minus(Poly other) {
    return plus(other.negate());
  }

  /**
   * The product.
   *
   * @throws ExpressionException ({@code NOT_POLYNOMIAL}) above degree {@value #MAX_DEGREE}
   */
  public Poly times(Poly other) {
    int degree = degree() + other.degree();
    if (degree > MAX_DEGREE) {
      throw ExpressionException.notPolynomial("degree above " + MAX_DEGREE);
    }
    double[] product = new double[degree + 1];
    for (int i = 0; i < coefficients.length; i++) {
      for (int j = 0; j < other.coefficients.length; j++) {
        product[i + j] += coefficients[i] * other.coefficients[j];
      }
    }
    return new Poly(product, Math.max(Math.max(highestDegreeSeen, other.highestDegreeSeen), degree));
  }

  /**
   * Division by a constant.
   *
   * @throws ExpressionException {@code NOT_POLYNOMIAL} when the divisor holds the unknown, {@code
   *     SYNTAX} when it is zero
   */
  public Poly dividedBy(Poly divisor) {
    if (!divisor.isConstant()) {
      throw ExpressionException.notPolynomial("division by an expression in the unknown");
    }
    double d = divisor.coefficient(0);
    if (d == 0) {
      throw ExpressionException.syntax("division by zero");
    }
    double[] quotient = new double[coefficients.length];
    for (int i = 0; i < quotient.length; i++) {
      quotient[i] = coefficients[i] / d;
    }
    return new Poly(quotient, Math.max(highestDegreeSeen, divisor.highestDegreeSeen));
  }

  /**
   * This polynomial to a constant power.
   *
   * @throws ExpressionException {@code NOT_POLYNOMIAL} for an exponent in the unknown, or a
   *     negative or fractional exponent of an expression in the unknown
   */
  public Poly pow(Poly exponent) {
    if (!exponent.isConstant()) {
      throw ExpressionException.notPolynomial("an exponent in the unknown");
    }
    double e = exponent.coefficient(0);
    if (isConstant()) {
      return new Poly(new double[] {Math.pow(coefficient(0), e)}, highestDegreeSeen);
    }
    if (e < 0 || e != Math.rint(e) || e * degree() > MAX_DEGREE) {
      throw ExpressionException.notPolynomial("the power " + Numbers.format(e) + " of the unknown");
    }
    Poly result = constant(1);
    for (int i = 0; i < (int) e; i++) {
      result = result.times(this);
    }
    return new Poly(result.coefficients, Math.max(highestDegreeSeen, result.highestDegreeSeen));
  }
}
