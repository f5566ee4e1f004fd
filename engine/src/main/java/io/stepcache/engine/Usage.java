package io.stepcache.engine;

/** Tokens spent on the backend for one request (0 on REUSE). */
public record Usage(long promptTokens, long completionTokens) {

  public static final Usage NONE = new Usage(0, 0);

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  public Usage plus(Usage other) {
    return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }
}
