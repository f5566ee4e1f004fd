package io.stepcache.packs.math.problem;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.solve.LinearSolver;
import java.util.List;
import java.util.Objects;

/**
 * A prompt as the pack understands it.
 *
 * @param kind what kind of problem it is
 * @param unknowns the unknowns, in order of appearance (empty when none)
 * @param equations the equation-like token runs found in the prompt (empty when none)
 * @param equation the equation when the kind is {@link ProblemKind#LINEAR} or {@link
 *     ProblemKind#DEGENERATE}, else {@code null}
 */
public record Problem(
    ProblemKind kind, List<String> unknowns, List<List<Token>> equations, LinearEquation equation) {

  public Problem {
    Objects.requireNonNull(kind, "kind");
    unknowns = List.copyOf(unknowns);
    equations = List.copyOf(equations);
  }

  /** True when the prompt holds at least one relation the finder could isolate. */
  public boolean hasEquation() {
    return !equations.isEmpty();
  }

  /** True for one linear equation in one unknown with exactly one solution. */
  public boolean isLinear() {
    return kind == ProblemKind.LINEAR;
  }

  /** The (first) unknown, or {@code null}. */
  public String variable() {
    return unknowns.isEmpty() ? null : unknowns.get(0);
  }

  /**
   * The solution of a linear problem.
   *
   * @throws IllegalStateException when the problem is not {@link ProblemKind#LINEAR}
   */
  public double solution() {
    if (!isLinear()) {
      throw new IllegalStateException("A " + kind.feature() + " problem has no single solution");
    }
    return LinearSolver.solve(equation).orElseThrow();
  }
}
