package io.stepcache.packs.math.repair;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.packs.math.prompt.ContinuationPrompt;
import io.stepcache.packs.math.solve.LinearSolver;
import io.stepcache.packs.math.steps.LineCleaner;
import io.stepcache.packs.math.steps.StepLine.AnswerLine;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import io.stepcache.packs.math.steps.StepParser;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Repairs a linear solution by continuation. The steps before the first failing step are kept (up
 * to the first answer line); the model is asked once, with a compact {@link ContinuationPrompt}
 * (equation, unknown, those steps, one instruction line), for the remaining steps, which replace
 * the failing step and everything after it ({@link StepOrigin#REGENERATED}). The whole list is then
 * verified: when it passes, that is the repair. When it does not, the continuation's lines before
 * its first failing step are kept as well and, while model calls are left ({@code maxAttempts},
 * default 1), the model is asked again from there, the prompt then naming the wrong line; when
 * they run out, the solver writes the rest from the last kept equation ({@link StepOrigin#SOLVED}).
 *
 * <p>Output-level failures (no answer line, answer duplicated; every step itself passes) and an
 * empty step list are completed by the solver directly, without a model call, as are all failures
 * when {@code maxAttempts} is 0. Problems that are not linear are left unchanged. Model failures are
 * not caught: they propagate to the engine.
 */
public final class ContinuationRepair implements RepairStrategy {

  private final int maxAttempts;

  /** @param maxAttempts model calls allowed per repair (0: solver only) */
  public ContinuationRepair(int maxAttempts) {
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("repair.maxAttempts must be >= 0, got " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  @Override
  public String name() {
    return "continuation";
  }

  @Override
  public List<Draft> repair(RepairContext context) {
    String prompt = context.request().prompt();
    Problem problem = ProblemReader.read(prompt);
    if (!problem.isLinear()) {
      return context.steps();
    }
    List<Draft> drafts = List.copyOf(context.steps());
    Verification verification = context.verification();
    if (drafts.isEmpty()) {
      return solveFrom(drafts, problem);
    }
    String rejected = null;
    for (int call = 0; call < maxAttempts && !verification.passed(); call++) {
      if (verification.failingSteps().isEmpty()) {
        break;
      }
      List<Draft> kept = verifiedPrefix(drafts, verification);
      ContinuationPrompt continuation =
          ContinuationPrompt.of(problem, prompt, texts(kept), rejected);
      List<Draft> candidate = new ArrayList<>(kept);
      for (String line : remainingLines(context.model().complete(continuation.render()), kept)) {
        candidate.add(new Draft(line, StepOrigin.REGENERATED));
      }
      drafts = List.copyOf(candidate);
      verification = context.verify(texts(drafts));
      rejected = firstFailing(verification).map(i -> candidate.get(i).text()).orElse(null);
    }
    if (verification.passed()) {
      return drafts;
    }
    return solveFrom(verifiedPrefix(drafts, verification), problem);
  }

  /**
   * The steps before the first failing one (all of them when only output-level checks failed), up
   * to the first line that is not an operation step.
   */
  private static List<Draft> verifiedPrefix(List<Draft> drafts, Verification verification) {
    int end = firstFailing(verification).orElse(drafts.size());
    List<Draft> kept = new ArrayList<>();
    for (Draft draft : drafts.subList(0, Math.min(end, drafts.size()))) {
      if (!(StepParser.parse(draft.text()) instanceof OperationLine)) {
        break;
      }
      kept.add(draft);
    }
    return kept;
  }

  private static Optional<Integer> firstFailing(Verification verification) {
    return verification.failingSteps().stream().findFirst();
  }

  /**
   * The candidate steps of a continuation answer: its cleaned lines, without a repetition of the
   * steps it was given, up to and including the first answer line.
   */
  private static List<String> remainingLines(String output, List<Draft> given) {
    List<String> lines = output.lines().map(LineCleaner::clean).flatMap(Optional::stream).toList();
    int skip = 0;
    while (skip < lines.size() && skip < given.size() && lines.get(skip).equals(given.get(skip).text())) {
      skip++;
    }
    List<String> remaining = new ArrayList<>();
    for (String line : lines.subList(skip, lines.size())) {
      remaining.add(line);
      if (StepParser.parse(line) instanceof AnswerLine) {
        break;
      }
    }
    return remaining;
  }

  /** {@code kept}, then the solver's steps from its last equation (the problem's when empty). */
  private static List<Draft> solveFrom(List<Draft> kept, Problem problem) {
    List<Draft> repaired = new ArrayList<>(kept);
    LinearEquation current = problem.equation();
    for (Draft draft : kept) {
      if (StepParser.parse(draft.text()) instanceof OperationLine op) {
        current = op.equation();
      }
    }
    for (String line : LinearSolver.steps(current, problem.variable())) {
      repaired.add(new Draft(line, StepOrigin.SOLVED));
    }
    return repaired;
  }

  private static List<String> texts(List<Draft> drafts) {
    return drafts.stream().map(Draft::text).toList();
  }
}
