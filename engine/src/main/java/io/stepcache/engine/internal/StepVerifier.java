package io.stepcache.engine.internal;

import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.OutputFact;
import io.stepcache.spi.verify.SignatureChange;
import io.stepcache.spi.verify.StepFact;
import io.stepcache.spi.verify.Verdicts;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a pack's rules: the guard over two signatures, and verification of a step list together
 * with its stitched output (the integrity check). Adds the shared facts ({@link StepFact}s, the
 * {@link OutputFact}, the {@link SignatureChange}) so shared rules apply to every pack.
 */
final class StepVerifier {

  /** The stitched form of a step list, computed once per verification. */
  record Stitched(String output, String answerJson) {}

  /**
   * Nanoseconds this thread spent in the rules since {@link #startTiming()}. Per thread on purpose: every rule
   * evaluation of a request runs on its thread (in the engine, its repair strategies and its stream), and a timer
   * threaded through them would have to cross the SPI's {@code RepairContext}.
   */
  private static final ThreadLocal<long[]> SPENT = ThreadLocal.withInitial(() -> new long[1]);

  private final int maxSteps;

  StepVerifier(int maxSteps) {
    this.maxSteps = maxSteps;
  }

  /** Starts counting this thread's time in the rules from zero. */
  static void startTiming() {
    SPENT.get()[0] = 0;
  }

  /** This thread's time in the rules since {@link #startTiming()}, in nanoseconds. */
  static long spentNanos() {
    return SPENT.get()[0];
  }

  /** What the guard rules say about reusing {@code cached}'s steps for {@code fresh}. */
  List<Finding> guard(LoadedPack pack, Signature cached, Signature fresh) {
    long t0 = System.nanoTime();
    try {
      List<Object> facts = new ArrayList<>(pack.facts().guardFacts(cached, fresh));
      facts.add(new SignatureChange(cached, fresh));
      return List.copyOf(pack.rules().evaluate(facts).skipReasons());
    } finally {
      SPENT.get()[0] += System.nanoTime() - t0;
    }
  }

  Stitched stitch(LoadedPack pack, TaskRequest request, Signature signature, List<String> steps) {
    return new Stitched(
        pack.stitcher().stitch(steps, request), pack.stitcher().answerJson(steps, request, signature));
  }

  /** Verifies every step and the stitched output. */
  Verification verify(LoadedPack pack, TaskRequest request, Signature signature, List<String> steps) {
    long t0 = System.nanoTime();
    try {
      return verifyNow(pack, request, signature, steps);
    } finally {
      SPENT.get()[0] += System.nanoTime() - t0;
    }
  }

  private Verification verifyNow(LoadedPack pack, TaskRequest request, Signature signature, List<String> steps) {
    Stitched s = stitch(pack, request, signature, steps);
    List<Object> facts =
        new ArrayList<>(pack.facts().verificationFacts(request, signature, steps, s.output(), s.answerJson()));
    for (int i = 0; i < steps.size(); i++) {
      facts.add(new StepFact(i, steps.get(i), steps.size()));
    }
    facts.add(new OutputFact(s.output(), steps.size(), s.answerJson()));
    Verdicts verdicts = pack.rules().evaluate(facts);
    if (steps.size() > maxSteps) {
      verdicts.failOutput(
          "TOO_MANY_STEPS", "The answer has " + steps.size() + " steps; at most " + maxSteps + " are allowed");
    }
    return Verification.of(verdicts);
  }
}
