package io.stepcache.spi.verify;

/**
 * The stitched output, inserted into every verification.
 *
 * @param text the stitched answer text
 * @param stepCount number of steps it was stitched from
 * @param answerJson the extracted final answer as JSON text, or {@code null}
 */
public record OutputFact(String text, int stepCount, String answerJson) {

  public String getText() {
    return text;
  }

  public int getStepCount() {
    return stepCount;
  }

  public String getAnswerJson() {
    return answerJson;
  }

  /** True when the stitcher found a final answer. */
  public boolean isHasAnswer() {
    return answerJson != null;
  }
}
