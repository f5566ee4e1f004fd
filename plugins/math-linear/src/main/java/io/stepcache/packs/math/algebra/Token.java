package io.stepcache.packs.math.algebra;

/**
 * One token of a text, with its position in the original text.
 *
 * @param type what the token is
 * @param text normalised text (Unicode minus becomes {@code -}, {@code ≤} becomes {@code <=} ...)
 * @param start index of the first character in the original text
 * @param end index after the last character in the original text
 * @param spaceBefore true when whitespace separates this token from the previous one
 */
public record Token(TokenType type, String text, int start, int end, boolean spaceBefore) {

  /** True when this is the operator or relation {@code symbol}. */
  public boolean is(String symbol) {
    return (type == TokenType.OPERATOR || type == TokenType.RELATION) && text.equals(symbol);
  }

  /** True for numbers and identifiers. */
  public boolean isOperand() {
    return type == TokenType.NUMBER || type == TokenType.IDENT;
  }

  /** True for the relation {@code =}. */
  public boolean isEquals() {
    return type == TokenType.RELATION && text.equals("=");
  }
}
