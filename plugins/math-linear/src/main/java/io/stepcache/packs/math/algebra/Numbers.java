package io.stepcache.packs.math.algebra;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The pack's number conventions: canonical text (integers without ".0", decimals trimmed, at most
 * 10 significant digits) and comparison with a relative tolerance of {@value #RELATIVE_TOLERANCE}.
 */
public final class Numbers {

  /** Two numbers closer than this, relative to the larger of them (and at least 1), are equal. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  private static final MathContext TEN_DIGITS = new MathContext(10, RoundingMode.HALF_UP);

  private Numbers() {}

  /** {@code value} rounded to 10 significant digits. */
  public static double round(double value) {
    requireFinite(value);
    return BigDecimal.valueOf(value).round(TEN_DIGITS).doubleValue();
  }

  /** The canonical text of {@code value}: "3", "-2.5", "0.3333333333". */
  public static String format(double value) {
    requireFinite(value);
    BigDecimal rounded = BigDecimal.valueOf(value).round(TEN_DIGITS);
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** The canonical text of a number written as text (e.g. "05.50" becomes "5.5"). */
  public static String canonical(String number) {
    return format(Double.parseDouble(number));
  }

  /** True when {@code a} and {@code b} are equal within the relative tolerance. */
  public static boolean close(double a, double b) {
    double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
    return Math.abs(a - b) <= RELATIVE_TOLERANCE * scale;
  }

  private static void requireFinite(double value) {
    if (!Double.isFinite(value)) {
      throw new ArithmeticException("Not a finite number: " + value);
    }
  }
}
