package io.stepcache.packs.math.verify;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.solve.LinearSolver;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import java.util.OptionalDouble;

/**
 * One {@code "<Operation>: <equation>"} step (or an unreadable line), with the equation it follows
 * from: the previous step's equation, the problem's for the first step, or none when the step
 * before could not be read.
 */
public final class EquationStep extends MathStep {

  private final OperationLine line;
  private final LinearEquation previous;
  private final LinearProblem problem;

  private EquationStep(int index, String text, String unreadableReason, OperationLine line,
      LinearEquation previous, LinearProblem problem) {
    super(index, text, unreadableReason, line == null ? null : line.variable(), problem);
    this.line = line;
    this.previous = previous;
    this.problem = problem;
  }

  /** A readable step. */
  public static EquationStep of(int index, String text, OperationLine line, LinearEquation previous,
      LinearProblem problem) {
    return new EquationStep(index, text, null, line, previous, problem);
  }

  /** A line that could not be read. */
  public static EquationStep unreadable(int index, String text, String reason, LinearProblem problem) {
    return new EquationStep(index, text, reason, null, null, problem);
  }

  /** The equation the step states, or {@code null} when unreadable. */
  public LinearEquation getEquation() {
    return line == null ? null : line.equation();
  }

  public String getEquationText() {
    return line == null ? "" : line.equation().render(getProblemVariable());
  }

  public String getOperationText() {
    return line == null ? "" : line.operation().render(getProblemVariable());
  }

  /** True when the equation this step follows from is known (the step before it was readable). */
  public boolean isPreviousKnown() {
    return previous != null;
  }

  public String getPreviousText() {
    return previous == null ? "" : previous.render(getProblemVariable());
  }

  /** What the operation gives when applied to the previous equation. */
  public String getExpectedText() {
    return line == null || previous == null
        ? ""
        : line.operation().apply(previous).rounded().render(getProblemVariable());
  }

  /** The step equation's own solution as text, or a phrase when it has none. */
  public String getSolutionText() {
    OptionalDouble own = line == null ? OptionalDouble.empty() : LinearSolver.solve(line.equation());
    return own.isPresent()
        ? getProblemVariable() + " = " + Numbers.format(own.getAsDouble())
        : "no single solution";
  }

  /** True when the stated equation has exactly the problem's solution. */
  public boolean isEquivalent() {
    if (line == null) {
      return false;
    }
    OptionalDouble own = LinearSolver.solve(line.equation());
    return own.isPresent() && problem.isSolution(own.getAsDouble());
  }

  /** True when the operation applied to the previous equation gives the stated equation. */
  public boolean isFollowsFromPrevious() {
    return line != null && previous != null && line.operation().apply(previous).closeTo(line.equation());
  }
}
