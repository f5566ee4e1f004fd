package io.stepcache.packs.math.solve;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.LinearSide;
import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.steps.StepOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * Solves linear equations in one unknown and writes the canonical steps:
 *
 * <ol>
 *   <li>"Swap sides" when the unknown is only on the right;
 *   <li>"Subtract cx from both sides" (or "Add") when it is on both sides;
 *   <li>"Subtract b from both sides" (or "Add") when the unknown's side has a constant;
 *   <li>"Divide both sides by a" unless the coefficient is 1;
 *   <li>"Answer: x = value".
 * </ol>
 *
 * Each step's equation is the previous one, as written (10 significant digits), with the operation
 * applied, so the steps verify exactly as a reader would check them.
 */
public final class LinearSolver {

  /** Swap, move the unknown, move the constant, divide, answer. */
  private static final int MAX_STEPS = 5;

  private LinearSolver() {}

  /**
   * The unique solution, from the LU decomposition of the 1x1 system {@code (a - c)·v = d - b};
   * empty when the equation is degenerate (no solution, or every number is one).
   */
  public static OptionalDouble solve(LinearEquation equation) {
    if (equation.isDegenerate()) {
      return OptionalDouble.empty();
    }
    double[] solution =
        new LUDecomposition(new Array2DRowRealMatrix(new double[][] {{equation.combinedCoefficient()}}))
            .getSolver()
            .solve(new ArrayRealVector(new double[] {equation.combinedConstant()}))
            .toArray();
    return OptionalDouble.of(solution[0]);
  }

  /**
   * The canonical lines from {@code equation} (not itself written) to the answer line.
   *
   * @throws IllegalArgumentException when the equation is degenerate
   */
  public static List<String> steps(LinearEquation equation, String variable) {
    if (equation.isDegenerate()) {
      throw new IllegalArgumentException("No unique solution: " + equation.render(variable));
    }
    List<String> lines = new ArrayList<>();
    LinearEquation current = equation;
    for (Optional<StepOperation> op = nextOperation(current);
        op.isPresent();
        op = nextOperation(current)) {
      current = op.get().apply(current).rounded();
      lines.add(op.get().render(variable) + ": " + current.render(variable));
      if (lines.size() > MAX_STEPS) {
        throw new IllegalStateException("Solver did not converge on " + equation.render(variable));
      }
    }
    lines.add(answerLine(equation, variable));
    return lines;
  }

  /**
   * The one canonical line that follows {@code equation}: the next operation, or the answer line
   * when the equation already reads {@code v = value}.
   *
   * @throws IllegalArgumentException when the equation is degenerate
   */
  public static String nextStep(LinearEquation equation, String variable) {
    return steps(equation, variable).get(0);
  }

  /** {@code "Answer: v = value"} for the solution of {@code equation}. */
  public static String answerLine(LinearEquation equation, String variable) {
    double value =
        solve(equation)
            .orElseThrow(
                () -> new IllegalArgumentException("No unique solution: " + equation.render(variable)));
    return "Answer: " + variable + " = " + Numbers.format(value);
  }

  private static Optional<StepOperation> nextOperation(LinearEquation equation) {
    LinearSide left = equation.left();
    LinearSide right = equation.right();
    if (!left.hasUnknown()) {
      return Optional.of(StepOperation.swap());
    }
    if (right.hasUnknown()) {
      return Optional.of(StepOperation.remove(new LinearSide(right.coefficient(), 0)));
    }
    if (!Numbers.close(left.constant(), 0)) {
      return Optional.of(StepOperation.remove(new LinearSide(0, left.constant())));
    }
    if (!Numbers.close(left.coefficient(), 1)) {
      return Optional.of(StepOperation.divide(left.coefficient()));
    }
    return Optional.empty();
  }
}
