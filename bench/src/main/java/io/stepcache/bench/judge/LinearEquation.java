package io.stepcache.bench.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An equation in at most one unknown, read independently of the math pack (the judge must not share
 * the code it judges): {@code +}, {@code -}, {@code *}, {@code /}, parentheses, decimal numbers,
 * implicit multiplication ({@code 3x}, {@code 2(x + 1)}) and one identifier as the unknown. Each side
 * is reduced to {@code coefficient * unknown + constant}; anything non-linear is rejected.
 *
 * @param left the left side
 * @param right the right side
 * @param variable the unknown, or {@code null} when neither side has one
 */
public record LinearEquation(Side left, Side right, String variable) {

  /** {@code coefficient * unknown + constant}. */
  public record Side(double coefficient, double constant) {
    Side plus(Side o) {
      return new Side(coefficient + o.coefficient, constant + o.constant);
    }

    Side negate() {
      return new Side(-coefficient, -constant);
    }

    boolean isConstant() {
      return coefficient == 0;
    }
  }

  /** Thrown for text that is not a linear equation in one unknown. */
  public static final class NotLinearException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotLinearException(String message) {
      super(message);
    }
  }

  /** Reads {@code text} ({@code left = right}), or empty when it is not a linear equation. */
  public static Optional<LinearEquation> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (NotLinearException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads {@code text}.
   *
   * @throws NotLinearException when it is not one linear equation in at most one unknown
   */
  public static LinearEquation parse(String text) {
    String t = text.replace('\u2212', '-').replace('\u00d7', '*').replace('\u00f7', '/').strip();
    int eq = t.indexOf('=');
    if (eq < 0 || t.indexOf('=', eq + 1) >= 0) {
      throw new NotLinearException("not exactly one '=' in: " + text);
    }
    Parser p = new Parser(tokens(t.substring(0, eq)), null);
    Side left = p.whole();
    Parser q = new Parser(tokens(t.substring(eq + 1)), p.variable);
    Side right = q.whole();
    return new LinearEquation(left, right, q.variable);
  }

  /** True when the unknown cancels out (no unique solution). */
  public boolean isDegenerate() {
    return Math.abs(left.coefficient - right.coefficient) < 1e-12;
  }

  /** The unique solution, or empty when the equation is degenerate. */
  public Optional<Double> solution() {
    if (isDegenerate()) {
      return Optional.empty();
    }
    return Optional.of((right.constant - left.constant) / (left.coefficient - right.coefficient));
  }

  /** Two numbers equal up to a relative 1e-6 (answers are written with 10 significant digits). */
  public static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  // ------------------------------------------------------------------ lexer and parser

  private enum Kind {
    NUMBER,
    IDENT,
    OP,
    LPAREN,
    RPAREN
  }

  private record Tok(Kind kind, String text) {}

  private static List<Tok> tokens(String s) {
    List<Tok> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        int j = i;
        while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
          j++;
        }
        out.add(new Tok(Kind.NUMBER, s.substring(i, j)));
        i = j;
      } else if (Character.isLetter(c)) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        out.add(new Tok(Kind.IDENT, s.substring(i, j)));
        i = j;
      } else if ("+-*/".indexOf(c) >= 0) {
        out.add(new Tok(Kind.OP, String.valueOf(c)));
        i++;
      } else if (c == '(') {
        out.add(new Tok(Kind.LPAREN, "("));
        i++;
      } else if (c == ')') {
        out.add(new Tok(Kind.RPAREN, ")"));
        i++;
      } else {
        throw new NotLinearException("unexpected character '" + c + "'");
      }
    }
    return out;
  }

  private static final class Parser {
    private final List<Tok> toks;
    private int pos;
    private String variable;

    Parser(List<Tok> toks, String variable) {
      this.toks = toks;
      this.variable = variable;
    }

    Side whole() {
      if (toks.isEmpty()) {
        throw new NotLinearException("empty side");
      }
      Side s = expr();
      if (pos != toks.size()) {
        throw new NotLinearException("unexpected '" + toks.get(pos).text() + "'");
      }
      return s;
    }

    private Side expr() {
      Side s = term();
      while (pos < toks.size() && toks.get(pos).kind() == Kind.OP && "+-".contains(toks.get(pos).text())) {
        boolean minus = toks.get(pos++).text().equals("-");
        Side t = term();
        s = s.plus(minus ? t.negate() : t);
      }
      return s;
    }

    private Side term() {
      Side s = unary();
      while (pos < toks.size()) {
        Tok t = toks.get(pos);
        if (t.kind() == Kind.OP && t.text().equals("*")) {
          pos++;
          s = times(s, unary());
        } else if (t.kind() == Kind.OP && t.text().equals("/")) {
          pos++;
          Side d = unary();
          if (!d.isConstant() || d.constant() == 0) {
            throw new NotLinearException("division by the unknown or by zero");
          }
          s = new Side(s.coefficient() / d.constant(), s.constant() / d.constant());
        } else if (t.kind() == Kind.NUMBER || t.kind() == Kind.IDENT || t.kind() == Kind.LPAREN) {
          s = times(s, primary());
        } else {
          break;
        }
      }
      return s;
    }

    private static Side times(Side a, Side b) {
      if (!a.isConstant() && !b.isConstant()) {
        throw new NotLinearException("product of two terms in the unknown");
      }
      if (a.isConstant()) {
        return new Side(a.constant() * b.coefficient(), a.constant() * b.constant());
      }
      return new Side(b.constant() * a.coefficient(), b.constant() * a.constant());
    }

    private Side unary() {
      if (pos < toks.size() && toks.get(pos).kind() == Kind.OP && "+-".contains(toks.get(pos).text())) {
        boolean minus = toks.get(pos++).text().equals("-");
        Side s = unary();
        return minus ? s.negate() : s;
      }
      return primary();
    }

    private Side primary() {
      if (pos >= toks.size()) {
        throw new NotLinearException("unexpected end");
      }
      Tok t = toks.get(pos++);
      switch (t.kind()) {
        case NUMBER -> {
          try {
            return new Side(0, Double.parseDouble(t.text()));
          } catch (NumberFormatException e) {
            throw new NotLinearException("bad number " + t.text());
          }
        }
        case IDENT -> {
          if (variable == null) {
            variable = t.text();
          } else if (!variable.equals(t.text())) {
            throw new NotLinearException("two unknowns: " + variable + " and " + t.text());
          }
          return new Side(1, 0);
        }
        case LPAREN -> {
          Side s = expr();
          if (pos >= toks.size() || toks.get(pos).kind() != Kind.RPAREN) {
            throw new NotLinearException("missing ')'");
          }
          pos++;
          return s;
        }
        default -> throw new NotLinearException("unexpected '" + t.text() + "'");
      }
    }
  }

  /** A number as the generator writes it: integers without a decimal point. */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.10g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
