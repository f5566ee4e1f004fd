package io.stepcache.packs.math.algebra;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into {@link Token}s. Unicode math symbols are normalised: {@code − –} to {@code -},
 * {@code × · ⋅} to {@code *}, {@code ÷} to {@code /}, {@code ≤ ≥ ≠} to {@code <= >= !=}, and the
 * superscripts {@code ² ³} to {@code ^2 ^3}; {@code **} is a power between glued operands ({@code
 * x**2}) and markdown emphasis ({@link TokenType#OTHER}) elsewhere.
 */
public final class Tokenizer {

  private Tokenizer() {}

  /** The tokens of {@code text}, in order. */
  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    boolean space = false;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = true;
        i++;
        continue;
      }
      int end;
      if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
        end = numberEnd(text, i);
        tokens.add(new Token(TokenType.NUMBER, text.substring(i, end), i, end, space));
      } else if (Character.isLetter(c)) {
        end = i;
        while (end < n && Character.isLetter(text.charAt(end))) {
          end++;
        }
        tokens.add(new Token(TokenType.IDENT, text.substring(i, end), i, end, space));
      } else if (c == '²' || c == '³') {
        end = i + 1;
        tokens.add(new Token(TokenType.OPERATOR, "^", i, end, space));
        tokens.add(new Token(TokenType.NUMBER, c == '²' ? "2" : "3", i, end, false));
      } else {
        end = symbolEnd(text, i);
        String symbol = text.substring(i, end);
        if (symbol.equals("**") && !isPowerSign(text, tokens, i, space)) {
          tokens.add(new Token(TokenType.OTHER, symbol, i, end, space));
        } else {
          symbol = normalise(symbol);
          tokens.add(new Token(symbolType(symbol), symbol, i, end, space));
        }
      }
      space = false;
      i = end;
    }
    return tokens;
  }

  /** {@code **} is a power ({@code x**2}) between glued operands, else markdown emphasis. */
  private static boolean isPowerSign(String text, List<Token> tokens, int at, boolean space) {
    if (space || tokens.isEmpty() || at + 2 >= text.length()) {
      return false;
    }
    Token previous = tokens.get(tokens.size() - 1);
    char next = text.charAt(at + 2);
    return (previous.isOperand() || previous.is(")"))
        && (Character.isLetterOrDigit(next) || next == '(');
  }

  private static int numberEnd(String text, int start) {
    int i = start;
    int n = text.length();
    while (i < n && Character.isDigit(text.charAt(i))) {
      i++;
    }
    if (i + 1 < n && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
      i++;
      while (i < n && Character.isDigit(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  private static int symbolEnd(String text, int start) {
    if (start + 1 < text.length()) {
      String two = text.substring(start, start + 2);
      if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("==")
          || two.equals("=<") || two.equals("=>") || two.equals("**")) {
        return start + 2;
      }
    }
    return start + 1;
  }

  private static String normalise(String symbol) {
    return switch (symbol) {
      case "−", "–" -> "-";
      case "×", "·", "⋅" -> "*";
      case "**" -> "^";
      case "÷" -> "/";
      case "≤", "=<" -> "<=";
      case "≥", "=>" -> ">=";
      case "≠" -> "!=";
      case "==" -> "=";
      default -> symbol;
    };
  }

  private static TokenType symbolType(String symbol) {
    return switch (symbol) {
      case "=", "<", ">", "<=", ">=", "!=" -> TokenType.RELATION;
      case "+", "-", "*", "/", "^", "(", ")", "√" -> TokenType.OPERATOR;
      default -> TokenType.OTHER;
    };
  }
}
