package io.stepcache.testkit.countdown;

/** Fact: one number of the count and the number that belongs there. */
public record CountStep(int index, String text, long expected) {
  public int getIndex() {
    return index;
  }

  public String getText() {
    return text;
  }

  public long getExpected() {
    return expected;
  }

  public boolean isCorrect() {
    return text.strip().equals(Long.toString(expected));
  }
}
