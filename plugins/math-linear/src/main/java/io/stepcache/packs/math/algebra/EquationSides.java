package io.stepcache.packs.math.algebra;

import java.util.List;

/**
 * The tokens of an equation split at its single {@code =}.
 *
 * @param left tokens before the {@code =}
 * @param right tokens after it
 */
public record EquationSides(List<Token> left, List<Token> right) {

  public EquationSides {
    left = List.copyOf(left);
    right = List.copyOf(right);
  }

  /**
   * Splits {@code tokens} at their only relation, which must be {@code =}.
   *
   * @throws ExpressionException ({@code SYNTAX}) when there is no relation, more than one, or
   *     one other than {@code =}
   */
  public static EquationSides split(List<Token> tokens) {
    int at = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.type() == TokenType.RELATION) {
        if (at >= 0 || !t.isEquals()) {
          throw ExpressionException.syntax("an equation needs exactly one '=' and no other relation");
        }
        at = i;
      }
    }
    if (at < 0) {
      throw ExpressionException.syntax("there is no '='");
    }
    return new EquationSides(tokens.subList(0, at), tokens.subList(at + 1, tokens.size()));
  }

  /** Both sides read as polynomials in {@code unknown} ({@code null}: no unknown allowed). */
  public Polynomials parse(String unknown) {
    return new Polynomials(ExpressionParser.parse(left, unknown), ExpressionParser.parse(right, unknown));
  }

  /**
   * Both sides read as a linear equation in {@code unknown}.
   *
   * @throws ExpressionException when a side is not linear in {@code unknown}
   */
  public LinearEquation parseLinear(String unknown) {
    Polynomials sides = parse(unknown);
    if (sides.highestDegreeSeen() > 1) {
      throw ExpressionException.notPolynomial("a power of the unknown above 1");
    }
    return LinearEquation.of(sides.left(), sides.right());
  }

  /**
   * The two sides of an equation as polynomials.
   *
   * @param left the left side
   * @param right the right side
   */
  public record Polynomials(Poly left, Poly right) {

    /** The highest degree any part of either side reached. */
    public int highestDegreeSeen() {
      return Math.max(left.highestDegreeSeen(), right.highestDegreeSeen());
    }
  }
}
