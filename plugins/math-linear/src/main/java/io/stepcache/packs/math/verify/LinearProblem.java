package io.stepcache.packs.math.verify;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.problem.Problem;

/** The request's linear equation and its true solution. */
public final class LinearProblem {

  private final String variable;
  private final LinearEquation equation;
  private final double solution;

  /** @param problem a {@link Problem#isLinear() linear} problem */
  public LinearProblem(Problem problem) {
    this.variable = problem.variable();
    this.equation = problem.equation();
    this.solution = problem.solution();
  }

  public String getVariable() {
    return variable;
  }

  public LinearEquation getEquation() {
    return equation;
  }

  public String getEquationText() {
    return equation.render(variable);
  }

  public double getSolution() {
    return solution;
  }

  public String getSolutionText() {
    return variable + " = " + Numbers.format(solution);
  }

  /** True when {@code value} is the solution, within the pack's tolerance. */
  public boolean isSolution(double value) {
    return Numbers.close(value, solution);
  }
}
