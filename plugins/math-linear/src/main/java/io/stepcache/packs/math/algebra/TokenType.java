package io.stepcache.packs.math.algebra;

/** What a {@link Token} is. */
public enum TokenType {
  /** An unsigned decimal number such as {@code 3}, {@code 2.5} or {@code .5}. */
  NUMBER,
  /** A run of letters: an unknown, a function name or an ordinary word. */
  IDENT,
  /** One of {@code + - * / ^ ( ) √}. */
  OPERATOR,
  /** One of {@code = < > <= >= !=} (and their Unicode forms, normalised). */
  RELATION,
  /** Any other character (punctuation, symbols). */
  OTHER
}
