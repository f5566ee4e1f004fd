package io.stepcache.packs.math.prompt;

import java.util.Optional;

/** The wording of the full-solution prompt, and how to find the problem in one. */
final class PromptFormat {

  static final String FULL_INTRO = "Solve the equation in the problem below step by step.";

  private static final String PROBLEM = "\n\nProblem: ";
  private static final String FORMAT = "\n\nAnswer format:";

  private PromptFormat() {}

  /** The problem paragraph and the answer format for {@code variable}. */
  static String problemAndFormat(String problem, String variable) {
    String v = variable;
    return PROBLEM + problem + FORMAT
        + " one step per line, written as \"<Operation>: <equation after the operation>\","
        + " using only these operations:\n"
        + "Subtract N from both sides\n"
        + "Add N to both sides\n"
        + "Subtract N" + v + " from both sides\n"
        + "Add N" + v + " to both sides\n"
        + "Divide both sides by N\n"
        + "Multiply both sides by N\n"
        + "Swap sides\n"
        + "Write numbers as decimals, not fractions. The last line is \"Answer: " + v + " = <value>\"."
        + " Write nothing else.\n"
        + "Example, for 2" + v + " + 1 = 7:\n"
        + "Subtract 1 from both sides: 2" + v + " = 6\n"
        + "Divide both sides by 2: " + v + " = 3\n"
        + "Answer: " + v + " = 3";
  }

  /** The problem text of a prompt built with {@link #problemAndFormat}, if it is one. */
  static Optional<String> problemOf(String prompt) {
    int start = prompt.indexOf(PROBLEM);
    int end = start < 0 ? -1 : prompt.indexOf(FORMAT, start + PROBLEM.length());
    if (end < 0) {
      return Optional.empty();
    }
    return Optional.of(prompt.substring(start + PROBLEM.length(), end));
  }
}
