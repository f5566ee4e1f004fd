package io.stepcache.bench.stream;

/**
 * Fact for the {@code bench-lines} rules: how many elements the answer has and should have.
 *
 * @param count elements in the answer
 * @param expected elements asked for
 */
public record LineCount(int count, int expected) {

  public int getCount() {
    return count;
  }

  public int getExpected() {
    return expected;
  }
}
