package io.stepcache.bench.stream;

import java.util.regex.Pattern;

/**
 * Fact for the {@code bench-lines} rules: one element of the answer and the index the benchmark
 * configured to fail ({@code -1}: none).
 *
 * @param index 0-based position of the element
 * @param text the element's JSON text, quotes included
 * @param failAt the index whose step the rules fail on purpose, or -1
 */
public record LineStep(int index, String text, int failAt) {

  /** One complete JSON string (RFC 8259: no raw control characters, valid escapes). */
  private static final Pattern JSON_STRING =
      Pattern.compile("\"(?:[^\"\\\\\\u0000-\\u001F]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*\"");

  public int getIndex() {
    return index;
  }

  public String getText() {
    return text;
  }

  public int getFailAt() {
    return failAt;
  }

  /** Whether the element is one complete JSON string. */
  public boolean isJsonString() {
    return JSON_STRING.matcher(text).matches();
  }
}
