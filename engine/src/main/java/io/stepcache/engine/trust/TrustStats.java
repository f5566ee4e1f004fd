package io.stepcache.engine.trust;

/**
 * Counters of confirmation and audits since the engine started (metrics, benchmarks).
 *
 * @param confirmationsQueued confirmation jobs accepted
 * @param confirmationsSkipped confirmation jobs dropped because the queue was full
 * @param auditsQueued audit jobs accepted
 * @param auditsSkipped audit jobs dropped because the queue was full
 * @param backgroundCalls model calls made by confirmation and audit jobs
 * @param stepsConfirmed provisional steps that became confirmed (by a job or on a PATCH)
 * @param agreements independent generations that agreed with a cached step
 * @param auditDisagreements audits whose fresh generation contradicted a reused step
 * @param contradictions fresh generations on the request path that contradicted a cached step
 * @param stepsDemoted cached steps set to disputed (every variant that carries a disputed step)
 * @param jobFailures jobs that failed (backend error, pack gone); logged with the cause
 * @param backgroundPromptTokens prompt tokens of background calls
 * @param backgroundCompletionTokens output tokens of background calls
 */
public record TrustStats(
    long confirmationsQueued,
    long confirmationsSkipped,
    long auditsQueued,
    long auditsSkipped,
    long backgroundCalls,
    long stepsConfirmed,
    long agreements,
    long auditDisagreements,
    long contradictions,
    long stepsDemoted,
    long jobFailures,
    long backgroundPromptTokens,
    long backgroundCompletionTokens) {

  /** Tokens spent off the request path. */
  public long backgroundTokens() {
    return backgroundPromptTokens + backgroundCompletionTokens;
  }
}
