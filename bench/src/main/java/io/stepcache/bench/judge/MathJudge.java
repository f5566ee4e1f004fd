package io.stepcache.bench.judge;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Truth.MathTruth;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A linear-equation answer is correct when:
 *
 * <ol>
 *   <li>it ends with exactly one line {@code Answer: <unknown> = <number>}, for the request's unknown,
 *       and the number is the true solution (relative 1e-6);
 *   <li>every other line reads {@code <operation>: <equation>}, the equation is linear in the
 *       request's unknown and has the same unique solution (the steps are consistent: a step with
 *       wrong arithmetic or a flipped sign changes the solution);
 *   <li>no line repeats another (integrity of the stitched output);
 *   <li>a separate final answer ({@code {"x": 5}}), when given, names the same unknown and value.
 * </ol>
 */
public final class MathJudge implements Judge {

  static final MathJudge INSTANCE = new MathJudge();

  private static final Pattern ANSWER =
      Pattern.compile("(?i)^answer\\s*:\\s*([A-Za-z][A-Za-z0-9_]*)\\s*=\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.?$");
  private static final Pattern ANSWER_LIKE = Pattern.compile("(?i)^answer\\b.*");

  private MathJudge() {}

  @Override
  public Verdict judge(BenchRequest request, String output, String answerJson) {
    if (!(request.truth() instanceof MathTruth truth)) {
      throw new IllegalArgumentException("not a math request: " + request.label());
    }
    if (output == null || output.isBlank()) {
      return Verdict.wrong("empty output");
    }
    List<String> lines = new ArrayList<>();
    for (String l : output.split("\\R")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    Set<String> seen = new HashSet<>();
    for (String l : lines) {
      if (!seen.add(l)) {
        return Verdict.wrong("repeated line: " + l);
      }
    }
    String last = lines.get(lines.size() - 1);
    Matcher m = ANSWER.matcher(last);
    if (!m.matches()) {
      return Verdict.wrong("last line is not 'Answer: " + truth.variable() + " = <number>': " + last);
    }
    if (!m.group(1).equals(truth.variable())) {
      return Verdict.wrong("answer names " + m.group(1) + ", the unknown is " + truth.variable());
    }
    double value = Double.parseDouble(m.group(2));
    if (!LinearEquation.close(value, truth.solution())) {
      return Verdict.wrong("wrong answer " + m.group(2) + ", expected " + LinearEquation.format(truth.solution()));
    }
    for (int i = 0; i < lines.size() - 1; i++) {
      String line = lines.get(i);
      if (ANSWER_LIKE.matcher(line).matches()) {
        return Verdict.wrong("more than one answer line");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return Verdict.wrong("step " + (i + 1) + " is not '<operation>: <equation>': " + line);
      }
      Optional<LinearEquation> eq = LinearEquation.tryParse(line.substring(colon + 1));
      if (eq.isEmpty()) {
        return Verdict.wrong("step " + (i + 1) + " holds no linear equation: " + line);
      }
      if (eq.get().variable() == null || !eq.get().variable().equals(truth.variable())) {
        return Verdict.wrong("step " + (i + 1) + " is not in the unknown " + truth.variable() + ": " + line);
      }
      Optional<Double> s = eq.get().solution();
      if (s.isEmpty() || !LinearEquation.close(s.get(), truth.solution())) {
        return Verdict.wrong("step " + (i + 1) + " is inconsistent (its equation does not have the solution "
            + LinearEquation.format(truth.solution()) + "): " + line);
      }
    }
    if (answerJson != null) {
      Optional<Map<String, Object>> a = Json.parseObject(answerJson);
      if (a.isEmpty() || a.get().size() != 1 || !(a.get().get(truth.variable()) instanceof BigDecimal v)
          || !LinearEquation.close(v.doubleValue(), value)) {
        return Verdict.wrong("final answer " + answerJson + " disagrees with the output");
      }
    }
    return Verdict.ok();
  }
}
