package io.stepcache.packs.math;

import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemKind;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.spi.Detector;
import io.stepcache.spi.TaskRequest;
import java.util.regex.Pattern;

/**
 * Claims prompts that state one equation in one unknown, linear or not (the guard sends the
 * non-linear ones to SKIP): {@value #CERTAIN}. Systems and several equations: {@value #LIKELY}.
 * Prompts that ask for JSON or hold no equation with an unknown: 0.
 */
public final class MathDetector implements Detector {

  static final double CERTAIN = 0.95;
  static final double LIKELY = 0.6;

  private static final Pattern JSON = Pattern.compile("(?i)\\bjson\\b");

  @Override
  public double claim(TaskRequest request) {
    String prompt = request.prompt();
    if (JSON.matcher(prompt).find()) {
      return 0;
    }
    Problem problem = ProblemReader.read(prompt);
    if (!problem.hasEquation() || problem.unknowns().isEmpty()) {
      return 0;
    }
    return problem.kind() == ProblemKind.SYSTEM ? LIKELY : CERTAIN;
  }
}
