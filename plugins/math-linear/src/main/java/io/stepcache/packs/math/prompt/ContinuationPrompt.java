package io.stepcache.packs.math.prompt;

import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The compact repair prompt: the equation and its unknown, the verified steps so far, and one line
 * asking for the remaining steps. It leaves out the full prompt's format explanation (the steps so
 * far show the format); a retry also names the line the previous answer went wrong at. For {@code
 * 3x + 5 = 20} after one verified step:
 *
 * <pre>
 * Solve 3x + 5 = 20 for x.
 * Steps so far:
 * Subtract 5 from both sides: 3x = 15
 * Write the remaining steps as "&lt;Operation&gt;: &lt;equation&gt;" lines, then "Answer: x = &lt;value&gt;".
 * </pre>
 *
 * @param equation the problem's equation as the user wrote it, e.g. {@code 3x + 5 = 20}
 * @param variable the problem's unknown
 * @param stepsSoFar the verified steps the answer continues (may be empty)
 * @param rejected the first wrong line of the previous answer to this prompt, or {@code null}
 */
public record ContinuationPrompt(String equation, String variable, List<String> stepsSoFar, String rejected) {

  private static final String SOLVE = "Solve ";
  private static final String FOR = " for ";
  private static final String STEPS_SO_FAR = "Steps so far:";
  private static final String REJECTED = "Wrong: ";
  private static final String WRITE_REMAINING = "Write the remaining steps";
  private static final String WRITE_ALL = "Write the steps";
  private static final String FORMAT = " as \"<Operation>: <equation>\" lines, then \"Answer: ";

  public ContinuationPrompt {
    Objects.requireNonNull(equation, "equation");
    Objects.requireNonNull(variable, "variable");
    if (equation.isBlank() || equation.contains("\n") || variable.isBlank()) {
      throw new IllegalArgumentException("equation and variable must be non-blank single lines");
    }
    stepsSoFar = List.copyOf(stepsSoFar);
  }

  /**
   * The continuation of {@code problem}'s solution after {@code stepsSoFar}; the equation is taken
   * from {@code prompt} as written (whitespace collapsed).
   *
   * @param prompt the user's prompt the problem was read from
   * @param problem the problem read from it (must have an equation and an unknown)
   */
  public static ContinuationPrompt of(Problem problem, String prompt, List<String> stepsSoFar, String rejected) {
    List<Token> tokens = problem.equations().get(0);
    String written = prompt.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
    return new ContinuationPrompt(written.replaceAll("\\s+", " ").strip(), problem.variable(), stepsSoFar, rejected);
  }

  /** The prompt text. */
  public String render() {
    StringBuilder sb = new StringBuilder(SOLVE).append(equation).append(FOR).append(variable).append('.');
    if (!stepsSoFar.isEmpty()) {
      sb.append('\n').append(STEPS_SO_FAR);
      stepsSoFar.forEach(s -> sb.append('\n').append(oneLine(s)));
    }
    if (rejected != null) {
      sb.append('\n').append(REJECTED).append(oneLine(rejected));
    }
    sb.append('\n').append(stepsSoFar.isEmpty() ? WRITE_ALL : WRITE_REMAINING)
        .append(FORMAT).append(variable).append(" = <value>\".");
    return sb.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /** The continuation prompt {@code prompt} was rendered from, if it is one. */
  public static Optional<ContinuationPrompt> parse(String prompt) {
    List<String> lines = prompt.lines().toList();
    if (lines.size() < 2 || !lines.get(0).startsWith(SOLVE) || !lines.get(0).endsWith(".")) {
      return Optional.empty();
    }
    String first = lines.get(0);
    int forAt = first.lastIndexOf(FOR);
    if (forAt <= SOLVE.length()) {
      return Optional.empty();
    }
    String equation = first.substring(SOLVE.length(), forAt);
    String variable = first.substring(forAt + FOR.length(), first.length() - 1);
    String last = lines.get(lines.size() - 1);
    List<String> middle = new ArrayList<>(lines.subList(1, lines.size() - 1));
    String rejected = null;
    if (!middle.isEmpty() && middle.get(middle.size() - 1).startsWith(REJECTED)) {
      rejected = middle.remove(middle.size() - 1).substring(REJECTED.length());
    }
    List<String> steps = List.of();
    if (!middle.isEmpty()) {
      if (!middle.get(0).equals(STEPS_SO_FAR) || middle.size() < 2) {
        return Optional.empty();
      }
      steps = middle.subList(1, middle.size());
    }
    String instruction = (steps.isEmpty() ? WRITE_ALL : WRITE_REMAINING) + FORMAT + variable + " = <value>\".";
    if (!last.equals(instruction) || equation.isBlank() || variable.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new ContinuationPrompt(equation, variable, steps, rejected));
  }
}
