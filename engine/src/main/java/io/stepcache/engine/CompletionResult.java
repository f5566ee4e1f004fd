package io.stepcache.engine;

import java.util.List;

/**
 * The engine's answer to one request (the native API's response body).
 *
 * @param output stitched answer text
 * @param answerJson the task's final answer as JSON text, or {@code null}
 * @param path the path taken
 * @param task the pack id that served it
 * @param verified true when every step and the stitched output passed the pack's rules
 * @param steps the steps in order
 * @param similarity similarity of the neighbour used (REUSE, PATCH, SKIP), else {@code null}
 * @param usage backend tokens spent
 * @param latencyMs wall (or virtual) time spent in the engine, in milliseconds
 * @param findings what still failed when {@code verified} is false (empty otherwise)
 * @param checkpoint the PATCH's overlap depth and the checkpoint it resumed from; {@code null} on
 *     other paths
 */
public record CompletionResult(
    String output,
    String answerJson,
    RequestPath path,
    String task,
    boolean verified,
    List<ServedStep> steps,
    Double similarity,
    Usage usage,
    double latencyMs,
    List<String> findings,
    CheckpointUse checkpoint) {

  /** A result without checkpoint use (every path but PATCH). */
  public CompletionResult(
      String output,
      String answerJson,
      RequestPath path,
      String task,
      boolean verified,
      List<ServedStep> steps,
      Double similarity,
      Usage usage,
      double latencyMs,
      List<String> findings) {
    this(output, answerJson, path, task, verified, steps, similarity, usage, latencyMs, findings, null);
  }

  public CompletionResult {
    steps = List.copyOf(steps);
    findings = List.copyOf(findings);
  }

  /** How many steps were served from the cache. */
  public long reusedSteps() {
    return steps.stream().filter(s -> s.origin() == io.stepcache.spi.StepOrigin.REUSED).count();
  }
}
