package io.stepcache.packs.math.prompt;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.packs.math.solve.LinearSolver;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import io.stepcache.packs.math.steps.StepParser;
import io.stepcache.spi.sim.ModelOracle;
import java.util.Optional;

/**
 * A perfect model for the pack's own prompts (simulated backend only): the full canonical
 * solution for a full prompt; for a {@link ContinuationPrompt}, the canonical steps from the last
 * equation of the steps so far (the problem's equation when there are none) to the answer; nothing
 * for prompts the pack did not build or problems it cannot solve.
 */
public final class MathOracle implements ModelOracle {

  @Override
  public Optional<String> answer(String prompt) {
    if (prompt.startsWith(PromptFormat.FULL_INTRO)) {
      return PromptFormat.problemOf(prompt)
          .map(ProblemReader::read)
          .filter(Problem::isLinear)
          .map(p -> String.join("\n", LinearSolver.steps(p.equation(), p.variable())));
    }
    return ContinuationPrompt.parse(prompt).flatMap(MathOracle::remainingSteps);
  }

  private static Optional<String> remainingSteps(ContinuationPrompt continuation) {
    Problem problem =
        ProblemReader.read("Solve " + continuation.equation() + " for " + continuation.variable());
    if (!problem.isLinear() || !continuation.variable().equals(problem.variable())) {
      return Optional.empty();
    }
    LinearEquation current = problem.equation();
    for (String line : continuation.stepsSoFar()) {
      if (StepParser.parse(line) instanceof OperationLine op) {
        current = op.equation();
      }
    }
    if (current.isDegenerate()) {
      return Optional.empty();
    }
    return Optional.of(String.join("\n", LinearSolver.steps(current, problem.variable())));
  }
}
