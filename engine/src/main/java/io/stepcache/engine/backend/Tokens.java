package io.stepcache.engine.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An approximate tokenizer for backends that report no usage: words, numbers and single
 * punctuation marks each count as one token, and long words count one token per four characters
 * (close to BPE counts for English and math text).
 */
public final class Tokens {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

  private Tokens() {}

  /**
   * {@code text} cut after each token (what a server streams one piece at a time): the pieces concatenate to
   * {@code text}; space before a token belongs to it, text after the last token to the last piece.
   */
  public static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    int from = 0;
    while (m.find()) {
      out.add(text.substring(from, m.end()));
      from = m.end();
    }
    if (from < text.length()) {
      if (out.isEmpty()) {
        out.add(text.substring(from));
      } else {
        out.set(out.size() - 1, out.get(out.size() - 1) + text.substring(from));
      }
    }
    return out;
  }

  /** Approximate token count of {@code text}. */
  public static long count(String text) {
    if (text == null || text.isEmpty()) {
      return 0;
    }
    Matcher m = TOKEN.matcher(text);
    long n = 0;
    while (m.find()) {
      int len = m.end() - m.start();
      n += Math.max(1, (len + 3) / 4);
    }
    return n;
  }
}
