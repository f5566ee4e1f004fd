package io.stepcache.packs.math.algebra;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent reader of one arithmetic expression in (at most) one unknown, giving a {@link
 * Poly}. Understands {@code + - * / ^}, parentheses, implicit products ({@code 3x}, {@code
 * 2(x+1)}, {@code x(x+1)}), unary signs and functions (which make the
 * expression non-polynomial): sqrt, sin, cos, tan, log, ln, exp, abs.
 */
public final class ExpressionParser {

  /** Function names; never taken for an unknown. */
  private static final Set<String> FUNCTIONS =
      Set.of("sqrt", "sin", "cos", "tan", "log", "ln", "exp", "abs");

  private final List<Token> tokens;
  private final String unknown;
  private int pos;

  private ExpressionParser(List<Token> tokens, String unknown) {
    this.tokens = tokens;
    this.unknown = unknown;
  }

  /**
   * Reads all of {@code tokens} as one expression.
   *
   * @param unknown the unknown's name, or {@code null} when the expression must be constant
   * @throws ExpressionException when the tokens are no expression or no polynomial
   */
  public static Poly parse(List<Token> tokens, String unknown) {
    if (tokens.isEmpty()) {
      throw ExpressionException.syntax("empty expression");
    }
    ExpressionParser parser = new ExpressionParser(tokens, unknown);
    Poly result = parser.expression();
    if (parser.pos < tokens.size()) {
      throw ExpressionException.syntax("unexpected '" + tokens.get(parser.pos).text() + "'");
    }
    return result;
  }

  /** True when {@code word} names a function rather than an unknown. */
  public static boolean isFunction(String word) {
    return FUNCTIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** The words in {@code tokens} that are not function names, in order of first appearance. */
  public static Set<String> unknownsIn(List<Token> tokens) {
    Set<String> unknowns = new LinkedHashSet<>();
    for (Token t : tokens) {
      if (t.type() == TokenType.IDENT && !isFunction(t.text())) {
        unknowns.add(t.text());
      }
    }
    return unknowns;
  }

  private Poly expression() {
    Poly result = term();
    while (peekIs("+") || peekIs("-")) {
      boolean minus = next().text().equals("-");
      Poly right = term();
      result = minus ? result.minus(right) : result.plus(right);
    }
    return result;
  }

  private Poly term() {
    Poly result = factor();
    while (true) {
      if (peekIs("*")) {
        pos++;
        result = result.times(factor());
      } else if (peekIs("/")) {
        pos++;
        result = result.dividedBy(factor());
      } else if (startsImplicitProduct()) {
        result = result.times(power());
      } else {
        return result;
      }
    }
  }

  private boolean startsImplicitProduct() {
    if (pos >= tokens.size()) {
      return false;
    }
    Token t = tokens.get(pos);
    return t.type() == TokenType.IDENT || t.is("(") || t.is("√");
  }

  private Poly factor() {
    if (peekIs("-")) {
      pos++;
      return factor().negate();
    }
    if (peekIs("+")) {
      pos++;
      return factor();
    }
    return power();
  }

  private Poly power() {
    Poly base = atom();
    if (peekIs("^")) {
      pos++;
      return base.pow(factor());
    }
    return base;
  }

  private Poly atom() {
    if (pos >= tokens.size()) {
      throw ExpressionException.syntax("expression ends too early");
    }
    Token t = next();
    switch (t.type()) {
      case NUMBER:
        return Poly.constant(Double.parseDouble(t.text()));
      case IDENT:
        return word(t);
      case OPERATOR:
        if (t.is("(")) {
          Poly inner = expression();
          if (!peekIs(")")) {
            throw ExpressionException.syntax("missing ')'");
          }
          pos++;
          return inner;
        }
        if (t.is("√")) {
          factor();
          throw ExpressionException.notPolynomial("a square root");
        }
        throw ExpressionException.syntax("unexpected '" + t.text() + "'");
      default:
        throw ExpressionException.syntax("unexpected '" + t.text() + "'");
    }
  }

  private Poly word(Token t) {
    if (isFunction(t.text())) {
      factor();
      throw ExpressionException.notPolynomial("the function " + t.text());
    }
    if (t.text().equals(unknown)) {
      return Poly.unknown();
    }
    throw ExpressionException.syntax("unexpected word '" + t.text() + "'");
  }

  private boolean peekIs(String symbol) {
    return pos < tokens.size() && tokens.get(pos).is(symbol);
  }

  private Token next() {
    return tokens.get(pos++);
  }
}
