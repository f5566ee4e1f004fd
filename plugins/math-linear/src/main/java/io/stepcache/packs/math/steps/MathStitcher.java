package io.stepcache.packs.math.steps;

import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.steps.StepLine.AnswerLine;
import io.stepcache.spi.Signature;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskRequest;
import java.util.List;

/**
 * Joins steps with newlines; the final answer is the last readable {@code "Answer: v = value"}
 * line as {@code {"v":value}}.
 */
public final class MathStitcher implements Stitcher {

  @Override
  public String answerJson(List<String> steps, TaskRequest request, Signature signature) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (StepParser.parse(steps.get(i)) instanceof AnswerLine answer) {
        return "{\"" + answer.variable() + "\":" + Numbers.format(answer.value()) + "}";
      }
    }
    return null;
  }
}
