package io.stepcache.packs.math;

import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.packs.math.problem.Signatures;
import io.stepcache.spi.Analyser;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;

/**
 * Signature of a math prompt: see {@link Signatures}. Only a prompt with no equation at all is
 * rejected ({@code MATH_NO_EQUATION}); anything else gets a signature whose {@code kind} the
 * guard rules use.
 */
public final class MathAnalyser implements Analyser {

  @Override
  public Signature analyse(TaskRequest request) {
    Problem problem = ProblemReader.read(request.prompt());
    if (!problem.hasEquation()) {
      throw new TaskInputException(
          "MATH_NO_EQUATION",
          "The prompt holds no equation. State one with '=', for example 'Solve 3x + 5 = 20'.");
    }
    return Signatures.of(problem);
  }
}
