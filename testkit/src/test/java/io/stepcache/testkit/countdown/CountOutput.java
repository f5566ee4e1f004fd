package io.stepcache.testkit.countdown;

/** Fact: how many numbers the count has and should have. */
public record CountOutput(int stepCount, long expectedCount) {
  public int getStepCount() {
    return stepCount;
  }

  public long getExpectedCount() {
    return expectedCount;
  }
}
