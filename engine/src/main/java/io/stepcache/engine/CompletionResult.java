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
 * @param verification how far the answer may be trusted (README "Trust"): {@code NONE}
 *     when not verified, {@code CHECKED} for a checked pack, else {@code CONFIRMED} when every step
 *     is confirmed and {@code GROUNDED} otherwise
 * @param entryId the {@link io.stepcache.engine.store.EntryKey#id() id} of the cached entry the answer was served
 *     from (REUSE, PATCH), else {@code null}
 * @param storedEntryId the id of the entry this answer was stored as, else {@code null} (not verified, {@code
 *     no-store}, or a REUSE of the request's own entry)
 * @param truncated the answer was cut at a step boundary to the request's {@code maxTokens}: {@code output}
 *     and {@code steps} are the leading steps that fit
 * @param timings the time spent in model calls and in the pack's rules
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
    CheckpointUse checkpoint,
    TrustLevel verification,
    String entryId,
    String storedEntryId,
    boolean truncated,
    Timings timings) {

  /** A result that names no entry and is not truncated. */
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
      List<String> findings,
      CheckpointUse checkpoint,
      TrustLevel verification) {
    this(output, answerJson, path, task, verified, steps, similarity, usage, latencyMs, findings, checkpoint,
        verification, null, null, false, Timings.NONE);
  }

  /**
   * A result without a trust level of its own: {@code GROUNDED} when verified (the weakest claim a
   * verified answer makes), else {@code NONE}.
   */
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
      List<String> findings,
      CheckpointUse checkpoint) {
    this(output, answerJson, path, task, verified, steps, similarity, usage, latencyMs, findings, checkpoint,
        verified ? TrustLevel.GROUNDED : TrustLevel.NONE);
  }

  /** A result without checkpoint use (every path but PATCH) and without a trust level of its own. */
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
    java.util.Objects.requireNonNull(verification, "verification");
    timings = timings == null ? Timings.NONE : timings;
    if (verified == (verification == TrustLevel.NONE)) {
      throw new IllegalArgumentException("verification " + verification + " contradicts verified=" + verified);
    }
  }

  /** How many steps were served from the cache. */
  public long reusedSteps() {
    return steps.stream().filter(s -> s.origin() == io.stepcache.spi.StepOrigin.REUSED).count();
  }
}
