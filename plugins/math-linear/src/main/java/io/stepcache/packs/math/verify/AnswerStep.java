package io.stepcache.packs.math.verify;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.steps.StepLine.AnswerLine;
import java.util.OptionalDouble;

/**
 * An {@code "Answer: v = value"} line (or a line labelled "Answer" that could not be read), with
 * the equation before it.
 */
public final class AnswerStep extends MathStep {

  private final AnswerLine line;
  private final LinearEquation previous;
  private final LinearProblem problem;

  private AnswerStep(int index, String text, String unreadableReason, AnswerLine line,
      LinearEquation previous, LinearProblem problem) {
    super(index, text, unreadableReason, line == null ? null : line.variable(), problem);
    this.line = line;
    this.previous = previous;
    this.problem = problem;
  }

  /** A readable answer line. */
  public static AnswerStep of(int index, String text, AnswerLine line, LinearEquation previous,
      LinearProblem problem) {
    return new AnswerStep(index, text, null, line, previous, problem);
  }

  /** A line labelled as the answer that could not be read. */
  public static AnswerStep unreadable(int index, String text, String reason, LinearProblem problem) {
    return new AnswerStep(index, text, reason, null, null, problem);
  }

  public String getValueText() {
    return line == null ? "" : Numbers.format(line.value());
  }

  /** True when the equation this step follows from is known (the step before it was readable). */
  public boolean isPreviousKnown() {
    return previous != null;
  }

  public String getPreviousText() {
    return previous == null ? "" : previous.render(getProblemVariable());
  }

  /** True when the stated value is the problem's solution. */
  public boolean isCorrect() {
    return line != null && problem.isSolution(line.value());
  }

  /** True when the previous equation already reads {@code v = value} with the stated value. */
  public boolean isDerived() {
    if (line == null || previous == null) {
      return false;
    }
    OptionalDouble solved = previous.solvedValue();
    return solved.isPresent() && Numbers.close(solved.getAsDouble(), line.value());
  }
}
