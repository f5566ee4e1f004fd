package io.stepcache.packs.math.prompt;

import io.stepcache.packs.math.problem.ProblemReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt that asks the model for one step: the problem, the format, the verified steps so far,
 * the rejected version of the step with its findings, and "Write only step k".
 *
 * @param problem the user's prompt
 * @param variable the problem's unknown
 * @param stepsSoFar the steps before the one asked for (all verified)
 * @param rejected the rejected text of the step, or {@code null}
 * @param findings why it was rejected (may be empty)
 */
public record StepPrompt(
    String problem, String variable, List<String> stepsSoFar, String rejected, List<String> findings) {

  private static final String STEPS_SO_FAR = "\n\nSteps so far:\n";
  private static final String NONE = "(none)";
  private static final Pattern WRITE_ONLY = Pattern.compile("\n\nWrite only step (\\d+),");
  private static final Pattern NUMBERED = Pattern.compile("^\\d+\\. ");

  public StepPrompt {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(variable, "variable");
    stepsSoFar = List.copyOf(stepsSoFar);
    findings = List.copyOf(findings);
  }

  /** The 1-based number of the step asked for. */
  public int stepNumber() {
    return stepsSoFar.size() + 1;
  }

  /** The prompt text. */
  public String render() {
    StringBuilder sb = new StringBuilder(PromptFormat.STEP_INTRO);
    sb.append(PromptFormat.problemAndFormat(problem, variable)).append(STEPS_SO_FAR);
    if (stepsSoFar.isEmpty()) {
      sb.append(NONE);
    }
    for (int i = 0; i < stepsSoFar.size(); i++) {
      sb.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(stepsSoFar.get(i));
    }
    if (rejected != null) {
      sb.append("\n\nThis version of step ").append(stepNumber()).append(" was rejected:\n").append(rejected);
      findings.forEach(f -> sb.append("\n- ").append(f));
    }
    sb.append("\n\nWrite only step ").append(stepNumber())
        .append(", as one line in the answer format (the answer line if the equation is solved).");
    return sb.toString();
  }

  /** The step prompt {@code prompt} was rendered from, if it is one (findings are not read back). */
  public static Optional<StepPrompt> parse(String prompt) {
    if (!prompt.startsWith(PromptFormat.STEP_INTRO)) {
      return Optional.empty();
    }
    Optional<String> problem = PromptFormat.problemOf(prompt);
    int steps = prompt.lastIndexOf(STEPS_SO_FAR);
    Matcher write = WRITE_ONLY.matcher(prompt);
    if (problem.isEmpty() || steps < 0 || !write.find(steps)) {
      return Optional.empty();
    }
    int end = prompt.indexOf("\n\n", steps + STEPS_SO_FAR.length());
    if (end < 0) {
      return Optional.empty();
    }
    List<String> soFar = new ArrayList<>();
    for (String line : prompt.substring(steps + STEPS_SO_FAR.length(), end).split("\n")) {
      Matcher numbered = NUMBERED.matcher(line);
      if (numbered.find()) {
        soFar.add(line.substring(numbered.end()));
      }
    }
    if (soFar.size() + 1 != Integer.parseInt(write.group(1))) {
      return Optional.empty();
    }
    String variable = Objects.requireNonNullElse(ProblemReader.read(problem.get()).variable(), "x");
    return Optional.of(new StepPrompt(problem.get(), variable, soFar, null, List.of()));
  }
}
