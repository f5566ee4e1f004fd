package io.stepcache.bench.judge;

import io.stepcache.bench.workload.BenchRequest;

/**
 * Decides whether a served answer is correct, from the request's ground truth only: what a system
 * claims (verified, a cache hit) does not count.
 */
public interface Judge {

  /**
   * @param request the request with its ground truth
   * @param output the answer text the system served (raw model text, cached text or stitched steps)
   * @param answerJson the system's separate final answer as JSON text, when it gives one (StepCache's
   *     {@code answer}); it must agree with {@code output}
   */
  Verdict judge(BenchRequest request, String output, String answerJson);

  /**
   * True when one of {@code steps} (part of a served answer) is wrong on its own. Families whose
   * steps cannot be judged alone say true for any step (conservative).
   */
  default boolean anyWrongStep(BenchRequest request, java.util.List<String> steps) {
    return !steps.isEmpty();
  }

  /** The judge for a request's family. */
  static Judge forRequest(BenchRequest request) {
    return switch (request.family()) {
      case MATH_LINEAR -> MathJudge.INSTANCE;
      case JSON_EXTRACTION -> JsonJudge.INSTANCE;
    };
  }

  /** Judges with the family's judge. */
  static Verdict judgeAny(BenchRequest request, String output, String answerJson) {
    return forRequest(request).judge(request, output, answerJson);
  }
}
