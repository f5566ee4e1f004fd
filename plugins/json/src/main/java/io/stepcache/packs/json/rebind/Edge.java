package io.stepcache.packs.json.rebind;

/**
 * What lies just outside an anchor in the source text: the anchor is token-aligned, so a new
 * occurrence must have the same kind of neighbour ({@code "in "} after a space does not match
 * inside {@code "within "}).
 */
enum Edge {
  /** The start (before an anchor) or the end (after one) of the text. */
  TEXT,
  /** A whitespace character. */
  SPACE,
  /** A letter, digit or underscore. */
  WORD,
  /** Anything else (punctuation, symbols). */
  OTHER;

  /** The edge at {@code index} of {@code text}; outside the text is {@link #TEXT}. */
  static Edge at(String text, int index) {
    if (index < 0 || index >= text.length()) {
      return TEXT;
    }
    char c = text.charAt(index);
    if (Character.isWhitespace(c)) {
      return SPACE;
    }
    return isWord(c) ? WORD : OTHER;
  }

  static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
