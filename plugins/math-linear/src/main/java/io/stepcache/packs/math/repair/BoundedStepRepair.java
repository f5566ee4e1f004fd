package io.stepcache.packs.math.repair;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.packs.math.prompt.StepPrompt;
import io.stepcache.packs.math.solve.LinearSolver;
import io.stepcache.packs.math.steps.LineCleaner;
import io.stepcache.packs.math.steps.StepLine;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import io.stepcache.packs.math.steps.StepLine.UnreadableLine;
import io.stepcache.packs.math.steps.StepParser;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Repairs a linear solution step by step. For each failing step, in ascending order, the model is
 * asked at most {@code maxAttempts} times for that one step (shown the verified steps before it
 * and the findings); the first readable line of its answer replaces the step if the whole list
 * then verifies for that step ({@link StepOrigin#REGENERATED}). When the attempts run out, the
 * solver writes that step and all following ones from the last verified equation ({@link
 * StepOrigin#SOLVED}). Output-level failures (no answer line, answer not last) and an empty step
 * list are completed by the solver directly. Problems that are not linear are left unchanged.
 *
 * <p>Model failures are not caught: they propagate to the engine.
 */
public final class BoundedStepRepair implements RepairStrategy {

  private final int maxAttempts;

  /** @param maxAttempts model calls allowed per failing step (0: solver only) */
  public BoundedStepRepair(int maxAttempts) {
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("repair.maxAttempts must be >= 0, got " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
  }

  @Override
  public String name() {
    return "bounded-regeneration";
  }

  @Override
  public List<Draft> repair(RepairContext context) {
    Problem problem = ProblemReader.read(context.request().prompt());
    if (!problem.isLinear()) {
      return context.steps();
    }
    List<Draft> drafts = new ArrayList<>(context.steps());
    if (drafts.isEmpty()) {
      return solveFrom(drafts, 0, problem);
    }
    Verification verification = context.verification();
    int lastRegenerated = -1;
    while (!verification.passed()) {
      if (verification.failingSteps().isEmpty()) {
        return solveFrom(drafts, drafts.size(), problem);
      }
      int failing = verification.failingSteps().iterator().next();
      if (failing <= lastRegenerated || failing >= drafts.size()) {
        return solveFrom(drafts, Math.min(failing, drafts.size()), problem);
      }
      Optional<Attempt> fixed = regenerate(context, problem, drafts, failing, verification);
      if (fixed.isEmpty()) {
        return solveFrom(drafts, failing, problem);
      }
      drafts.set(failing, new Draft(fixed.get().line(), StepOrigin.REGENERATED));
      verification = fixed.get().verification();
      lastRegenerated = failing;
    }
    return drafts;
  }

  /** A regenerated line that passed, with the verification of the list that holds it. */
  private record Attempt(String line, Verification verification) {}

  private Optional<Attempt> regenerate(
      RepairContext context, Problem problem, List<Draft> drafts, int index, Verification verification) {
    List<String> texts = texts(drafts);
    String rejected = texts.get(index);
    List<String> findings = findings(verification, index);
    for (int attempt = 0; attempt < maxAttempts; attempt++) {
      StepPrompt prompt = new StepPrompt(
          context.request().prompt(), problem.variable(), texts.subList(0, index), rejected, findings);
      String output = context.model().complete(prompt.render());
      Optional<String> line = firstUsableLine(output);
      if (line.isEmpty()) {
        rejected = output.strip().lines().findFirst().orElse("(nothing)");
        findings = List.of("MATH_STEP_UNPARSEABLE: no line of the answer reads '<Operation>: <equation>'");
        continue;
      }
      List<String> candidate = new ArrayList<>(texts);
      candidate.set(index, line.get());
      Verification result = context.verify(candidate);
      if (result.stepPassed(index)) {
        return Optional.of(new Attempt(line.get(), result));
      }
      rejected = line.get();
      findings = findings(result, index);
    }
    return Optional.empty();
  }

  /**
   * Keeps the steps before {@code from} (and before any answer line), and lets the solver write
   * the rest from the last kept equation.
   */
  private static List<Draft> solveFrom(List<Draft> drafts, int from, Problem problem) {
    List<Draft> repaired = new ArrayList<>();
    LinearEquation current = problem.equation();
    for (Draft draft : drafts.subList(0, from)) {
      StepLine line = StepParser.parse(draft.text());
      if (!(line instanceof OperationLine op)) {
        break;
      }
      repaired.add(draft);
      current = op.equation();
    }
    for (String line : LinearSolver.steps(current, problem.variable())) {
      repaired.add(new Draft(line, StepOrigin.SOLVED));
    }
    return repaired;
  }

  private static Optional<String> firstUsableLine(String output) {
    return output.lines()
        .map(LineCleaner::clean)
        .flatMap(Optional::stream)
        .filter(line -> !(StepParser.parse(line) instanceof UnreadableLine))
        .findFirst();
  }

  private static List<String> findings(Verification verification, int index) {
    return verification.stepFailures().getOrDefault(index, List.of()).stream()
        .map(Finding::toString)
        .toList();
  }

  private static List<String> texts(List<Draft> drafts) {
    return drafts.stream().map(Draft::text).toList();
  }
}
