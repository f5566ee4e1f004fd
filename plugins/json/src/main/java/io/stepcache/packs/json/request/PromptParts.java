package io.stepcache.packs.json.request;

import java.util.regex.Pattern;

/**
 * A prompt split into the instruction and the source text it introduces.
 *
 * <p>The instruction ends at the first {@code ':'}, newline, or opening quote of a quotation that
 * runs to the end of the prompt; the source text is the rest, without surrounding quotes. A colon
 * right after "keys", "fields" or "properties" introduces a key list, not the text: the list runs
 * to the next sentence end and the text starts after it. A prompt with no introducer is all
 * instruction, and its source text is the whole prompt (values are then checked against it).
 *
 * @param instruction what to do, e.g. {@code Extract name and age as JSON from}
 * @param sourceText the text to extract from
 */
public record PromptParts(String instruction, String sourceText) {

  private static final Pattern KEY_LIST_WORD =
      Pattern.compile("(?i)\\b(?:keys?|fields?|properties|attributes|columns)\\s*$");
  private static final String OPENING_QUOTES = "\"“";
  private static final String CLOSING_QUOTES = "\"”";

  /** Splits {@code prompt}. */
  public static PromptParts parse(String prompt) {
    String p = prompt.strip();
    int keyListEnd = -1;
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '\n') {
        return split(p, i, i + 1);
      }
      if (c == ':' && KEY_LIST_WORD.matcher(p.substring(0, i)).find()) {
        keyListEnd = sentenceEnd(p, i + 1);
        i = keyListEnd + 1;
        continue;
      }
      if (c == ':') {
        return split(p, i, i + 1);
      }
      if (OPENING_QUOTES.indexOf(c) >= 0 && quotesToEnd(p, i)) {
        return split(p, i, i);
      }
      i++;
    }
    if (keyListEnd >= 0 && keyListEnd < p.length()) {
      return split(p, keyListEnd, keyListEnd + 1);
    }
    return new PromptParts(p, p);
  }

  private static PromptParts split(String p, int instructionEnd, int textStart) {
    return new PromptParts(p.substring(0, instructionEnd).strip(), unquote(p.substring(textStart).strip()));
  }

  /** Index of the '.', ';' or newline that ends the sentence starting at {@code from}, or the length. */
  private static int sentenceEnd(String p, int from) {
    for (int i = from; i < p.length(); i++) {
      char c = p.charAt(i);
      boolean fullStop = c == '.' && (i + 1 == p.length() || Character.isWhitespace(p.charAt(i + 1)));
      if (fullStop || c == ';' || c == '\n') {
        return i;
      }
    }
    return p.length();
  }

  /** True when the quote at {@code start} closes at the end of the prompt (bar final punctuation). */
  private static boolean quotesToEnd(String p, int start) {
    String tail = p.replaceAll("[.!?\\s]+$", "");
    return tail.length() > start + 1 && CLOSING_QUOTES.indexOf(tail.charAt(tail.length() - 1)) >= 0;
  }

  /** The text without a pair of quotes around all of it (and punctuation after the closing one). */
  private static String unquote(String text) {
    String t = text.replaceAll("[.!?]+$", "");
    if (t.length() < 2 || OPENING_QUOTES.indexOf(t.charAt(0)) < 0) {
      return text;
    }
    char closing = t.charAt(t.length() - 1);
    boolean quoted = CLOSING_QUOTES.indexOf(closing) >= 0 && t.indexOf(closing, 1) == t.length() - 1;
    return quoted ? t.substring(1, t.length() - 1).strip() : text;
  }
}
