package io.stepcache.packs.math.rebind;

import java.util.function.ToDoubleFunction;

/**
 * A small arithmetic expression over binding names, written as it appears in a placeholder: {@code
 * a}, {@code -b}, {@code c-b}, {@code (d-b)/(a-c)}, {@code n2}. Grammar: {@code expr := term ('-'
 * term)*}, {@code term := unary ('/' unary)*}, {@code unary := '-' unary | name | '(' expr ')'}.
 */
@FunctionalInterface
interface BindingExpression {

  /** The value for the given binding values (NaN when a name has no value). */
  double evaluate(ToDoubleFunction<String> values);

  /**
   * Reads {@code text}.
   *
   * @throws IllegalArgumentException when it is not an expression of the grammar
   */
  static BindingExpression parse(String text) {
    Reader reader = new Reader(text);
    BindingExpression e = reader.expression();
    if (reader.pos != text.length()) {
      throw new IllegalArgumentException("Not a binding expression: '" + text + "'");
    }
    return e;
  }

  /** Recursive-descent reader for {@link #parse}. */
  final class Reader {
    private final String text;
    private int pos;

    private Reader(String text) {
      this.text = text;
    }

    private BindingExpression expression() {
      BindingExpression left = term();
      while (peek('-')) {
        pos++;
        BindingExpression l = left;
        BindingExpression r = term();
        left = v -> l.evaluate(v) - r.evaluate(v);
      }
      return left;
    }

    private BindingExpression term() {
      BindingExpression left = unary();
      while (peek('/')) {
        pos++;
        BindingExpression l = left;
        BindingExpression r = unary();
        left = v -> l.evaluate(v) / r.evaluate(v);
      }
      return left;
    }

    private BindingExpression unary() {
      if (peek('-')) {
        pos++;
        BindingExpression inner = unary();
        return v -> -inner.evaluate(v);
      }
      if (peek('(')) {
        pos++;
        BindingExpression inner = expression();
        if (!peek(')')) {
          throw new IllegalArgumentException("Missing ')' in '" + text + "'");
        }
        pos++;
        return inner;
      }
      int start = pos;
      while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException(
            "Expected a binding name at " + start + " in '" + text + "'");
      }
      String name = text.substring(start, pos);
      return v -> v.applyAsDouble(name);
    }

    private boolean peek(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }
  }
}
