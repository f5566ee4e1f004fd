package io.stepcache.engine.backend;

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
