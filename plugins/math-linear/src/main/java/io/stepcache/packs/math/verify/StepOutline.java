package io.stepcache.packs.math.verify;

/** The step list as a whole: how many steps, how many answer lines, and where the last one is. */
public final class StepOutline {

  private final int stepCount;
  private final int answerCount;
  private final int lastAnswerIndex;

  /** @param lastAnswerIndex index of the last answer line, or -1 */
  public StepOutline(int stepCount, int answerCount, int lastAnswerIndex) {
    this.stepCount = stepCount;
    this.answerCount = answerCount;
    this.lastAnswerIndex = lastAnswerIndex;
  }

  public int getStepCount() {
    return stepCount;
  }

  public int getAnswerCount() {
    return answerCount;
  }

  /** True when the last step is an answer line. */
  public boolean isAnswerLast() {
    return answerCount > 0 && lastAnswerIndex == stepCount - 1;
  }
}
