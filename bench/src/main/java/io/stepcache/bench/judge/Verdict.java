package io.stepcache.bench.judge;

/**
 * A judge's decision on one served answer.
 *
 * @param correct true when the answer is right and whole
 * @param reason why it is wrong (empty when correct)
 */
public record Verdict(boolean correct, String reason) {

  private static final Verdict OK = new Verdict(true, "");

  public static Verdict ok() {
    return OK;
  }

  public static Verdict wrong(String reason) {
    return new Verdict(false, reason);
  }
}
