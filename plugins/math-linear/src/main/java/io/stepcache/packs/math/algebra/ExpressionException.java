package io.stepcache.packs.math.algebra;

/**
 * An expression that cannot be read ({@link Reason#SYNTAX}) or is no polynomial ({@link
 * Reason#NOT_POLYNOMIAL}).
 */
public final class ExpressionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why reading failed. */
  public enum Reason {
    /** The text is not a well-formed expression. */
    SYNTAX,
    /** The expression is well-formed but not a polynomial in the unknown (1/x, sqrt(x), 2^x). */
    NOT_POLYNOMIAL
  }

  private final Reason reason;

  private ExpressionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  static ExpressionException syntax(String message) {
    return new ExpressionException(Reason.SYNTAX, message);
  }

  static ExpressionException notPolynomial(String message) {
    return new ExpressionException(Reason.NOT_POLYNOMIAL, message);
  }

  public Reason reason() {
    return reason;
  }
}
