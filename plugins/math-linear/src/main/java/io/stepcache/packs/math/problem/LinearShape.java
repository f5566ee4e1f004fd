package io.stepcache.packs.math.problem;

import io.stepcache.packs.math.algebra.EquationSides;
import io.stepcache.packs.math.algebra.ExpressionException;
import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.algebra.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a simple linear equation, where each side is at most one term in the unknown plus
 * at most one constant, in any order. The side(s) with the unknown are written first-term-unknown:
 * {@code v*a+b}; the constant-only side is {@code c}; with the unknown on both sides the right one
 * is {@code v*c+d}. A coefficient written as nothing ({@code x}, not {@code 1x} or {@code -x}) is
 * part of the shape ({@code v}, no binding), since the steps differ (no division).
 *
 * <p>Keys: {@code linear:v*a+b=c}, {@code linear:c=v*a+b}, {@code linear:v+b=c}, {@code
 * linear:v*a=c}, {@code linear:v*a+b=v*c+d}, {@code linear:v*a+b=v+d} ...
 */
public final class LinearShape {

  /** Prefix of every linear structure key. */
  public static final String PREFIX = "linear:";

  private final Side left;
  private final Side right;

  private LinearShape(Side left, Side right) {
    this.left = left;
    this.right = right;
  }

  /**
   * The shape of {@code equation} in {@code variable}, or empty when a side is not simple (two
   * terms in the unknown, parentheses, products, quotients).
   */
  public static Optional<LinearShape> of(List<Token> equation, String variable) {
    EquationSides sides;
    try {
      sides = EquationSides.split(equation);
    } catch (ExpressionException e) {
      return Optional.empty();
    }
    Optional<Side> left = Side.of(sides.left(), variable);
    Optional<Side> right = Side.of(sides.right(), variable);
    if (left.isEmpty() || right.isEmpty() || !(left.get().hasUnknown() || right.get().hasUnknown())) {
      return Optional.empty();
    }
    return Optional.of(new LinearShape(left.get(), right.get()));
  }

  /** True for keys this class writes (as opposed to skeleton keys). */
  public static boolean isShapeKey(String structureKey) {
    return structureKey.startsWith(PREFIX) && structureKey.indexOf('#') < 0;
  }

  /** True for shape keys with the unknown on both sides ({@code c} is then a coefficient). */
  public static boolean isTwoSidedKey(String structureKey) {
    int eq = structureKey.indexOf('=');
    return isShapeKey(structureKey)
        && eq > 0
        && structureKey.startsWith("v", PREFIX.length())
        && structureKey.startsWith("v", eq + 1);
  }

  /** The structure key, e.g. {@code linear:c=v*a+b}. */
  public String key() {
    if (left.hasUnknown() && right.hasUnknown()) {
      return PREFIX + left.key("a", "b") + "=" + right.key("c", "d");
    }
    return left.hasUnknown()
        ? PREFIX + left.key("a", "b") + "=c"
        : PREFIX + "c=" + right.key("a", "b");
  }

  /** {@code var} and the constants present, in the order a, b, c, d, as canonical numbers. */
  public Map<String, String> bindings(String variable) {
    Map<String, String> bindings = new LinkedHashMap<>();
    bindings.put("var", variable);
    Side unknownSide = left.hasUnknown() ? left : right;
    Side otherSide = left.hasUnknown() ? right : left;
    unknownSide.bind(bindings, "a", "b");
    if (otherSide.hasUnknown()) {
      otherSide.bind(bindings, "c", "d");
    } else {
      bindings.put("c", Numbers.format(otherSide.constant()));
    }
    return bindings;
  }

  /**
   * One simple side.
   *
   * @param coefficient the unknown's coefficient, or {@code null} when the side has no unknown
   * @param coefficientWritten true when a number or a minus sign stands before the unknown
   * @param constant the constant, or {@code null} when the side has none
   */
  private record Side(Double coefficient, boolean coefficientWritten, Double constant) {

    static Optional<Side> of(List<Token> tokens, String variable) {
      List<Double> unknownTerms = new ArrayList<>();
      List<Double> constants = new ArrayList<>();
      boolean written = false;
      int i = 0;
      int n = tokens.size();
      while (i < n) {
        int sign = 1;
        int signs = 0;
        while (i < n && (tokens.get(i).is("+") || tokens.get(i).is("-"))) {
          sign = tokens.get(i).is("-") ? -sign : sign;
          signs++;
          i++;
        }
        boolean first = unknownTerms.isEmpty() && constants.isEmpty();
        if (i >= n || (!first && signs == 0)) {
          return Optional.empty();
        }
        Token t = tokens.get(i++);
        if (t.type() == TokenType.NUMBER) {
          double value = sign * Double.parseDouble(t.text());
          if (i < n && tokens.get(i).is("*") && i + 1 < n && isUnknown(tokens.get(i + 1), variable)) {
            i += 2;
            unknownTerms.add(value);
            written = true;
          } else if (i < n && isUnknown(tokens.get(i), variable)) {
            i++;
            unknownTerms.add(value);
            written = true;
          } else {
            constants.add(value);
          }
        } else if (isUnknown(t, variable)) {
          unknownTerms.add((double) sign);
          written = sign < 0;
        } else {
          return Optional.empty();
        }
        if (i < n && !(tokens.get(i).is("+") || tokens.get(i).is("-"))) {
          return Optional.empty();
        }
      }
      if (unknownTerms.size() > 1
          || constants.size() > 1
          || (unknownTerms.isEmpty() && constants.isEmpty())) {
        return Optional.empty();
      }
      Double coefficient = unknownTerms.isEmpty() ? null : unknownTerms.get(0);
      Double constant = constants.isEmpty() ? null : constants.get(0);
      return Optional.of(new Side(coefficient, written, constant));
    }

    private static boolean isUnknown(Token t, String variable) {
      return t.type() == TokenType.IDENT && t.text().equals(variable);
    }

    boolean hasUnknown() {
      return coefficient != null;
    }

    String key(String coefficientName, String constantName) {
      return "v"
          + (coefficientWritten ? "*" + coefficientName : "")
          + (constant != null ? "+" + constantName : "");
    }

    void bind(Map<String, String> bindings, String coefficientName, String constantName) {
      if (coefficientWritten) {
        bindings.put(coefficientName, Numbers.format(coefficient));
      }
      if (constant != null) {
        bindings.put(constantName, Numbers.format(constant));
      }
    }
  }
}
