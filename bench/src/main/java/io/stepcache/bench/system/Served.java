package io.stepcache.bench.system;

/**
 * What a system served for one request, before the runner adds timing and the judge's verdict.
 *
 * @param output the answer text served (judged as a whole)
 * @param answerJson a separate final answer (StepCache's {@code answer}), or {@code null}
 * @param path the path: StepCache's REUSE/PATCH/SKIP/MISS, HIT/MISS for response caches, MISS for
 *     no cache, ERROR when nothing could be served
 * @param fromCache true when the answer (or part of it) came from the cache rather than the model
 * @param promptTokens prompt tokens spent on the model for this request
 * @param completionTokens output tokens spent on the model for this request
 * @param modelCalls calls to the model for this request, or -1 when unknown (HTTP)
 * @param similarity similarity of the cached neighbour used, if any
 * @param verified StepCache's own verdict, or {@code null} for systems that do not verify
 * @param simulatedMs model latency charged to a virtual clock (0 on the real clock: it is then in
 *     the measured wall time)
 * @param serverLatencyMs latency the server reported (HTTP mode), or {@code null}
 * @param backgroundTokens tokens the system spent off the request path because of this request
 *     (StepCache's confirmations and audits, run before the next request), 0 for other systems
 * @param verification StepCache's trust level ({@code checked}, {@code confirmed}, {@code
 *     grounded}, {@code none}), or {@code null} for systems that do not verify
 * @param reusedSteps the steps StepCache served from its cache (origin REUSED), or {@code null} for
 *     systems that serve whole answers: a wrong answer counts as wrong from the cache only when
 *     one of these steps is wrong
 */
public record Served(
    String output,
    String answerJson,
    String path,
    boolean fromCache,
    long promptTokens,
    long completionTokens,
    int modelCalls,
    Double similarity,
    Boolean verified,
    double simulatedMs,
    Double serverLatencyMs,
    long backgroundTokens,
    String verification,
    java.util.List<String> reusedSteps) {

  /** What a system without background work or trust levels served. */
  public Served(String output, String answerJson, String path, boolean fromCache, long promptTokens,
      long completionTokens, int modelCalls, Double similarity, Boolean verified, double simulatedMs,
      Double serverLatencyMs) {
    this(output, answerJson, path, fromCache, promptTokens, completionTokens, modelCalls, similarity, verified,
        simulatedMs, serverLatencyMs, 0, null, null);
  }

  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** True when the request cost at least one model call. */
  public boolean reachedModel() {
    return modelCalls > 0 || (modelCalls < 0 && totalTokens() > 0);
  }

  /** Nothing could be served. */
  public static Served error(String message, double simulatedMs, int modelCalls) {
    return new Served("", null, "ERROR", false, 0, 0, modelCalls, null, false, simulatedMs, null, 0, "none", java.util.List.of());
  }
}
