package io.stepcache.testkit.jarpack;

/** Fact: one step of a doubling and the text it should have. */
public record DoubleStep(int index, String text, String expected) {
  public int getIndex() {
    return index;
  }

  public String getText() {
    return text;
  }

  public String getExpected() {
    return expected;
  }

  public boolean isCorrect() {
    return text.strip().equals(expected);
  }
}
