package io.stepcache.engine;

import io.stepcache.checkpoint.CheckpointSettings;
import io.stepcache.engine.trust.TrustSettings;

/**
 * Engine settings (the {@code liberty} module reads them from MicroProfile Config).
 *
 * @param similarityThreshold minimum similarity (0..1) of a neighbour with another structure key
 *     to be considered at all; below it the request is a MISS
 * @param maxPromptChars longest prompt accepted (INPUT_TOO_LARGE above)
 * @param maxSteps most steps an answer may have; longer answers fail verification
 * @param defaultMaxTokens output token limit when the request names none
 * @param maxTokensLimit largest maxTokens a request may ask for
 * @param maxCandidates most stored entries tried for one request (rebind and verify each, best
 *     first) before the closest is patched
 * @param maxVariants most entries kept per structure key (answers whose templates differ, e.g.
 *     literal values); the oldest is evicted first
 * @param checkpoints where cached answers keep resumable state for PATCH (docs/architecture.md, "Step checkpoints")
 * @param trust how steps of grounded packs earn trust: confirmations, audits, their cost
 *     (README "Trust")
 * @param modelKeys how the model a request names enters its cache key
 * @param serveUnverified serve an answer that failed verification (marked as such, with the findings); when
 *     false such a request fails with {@code ANSWER_UNVERIFIED} instead
 */
public record EngineConfig(
    double similarityThreshold,
    int maxPromptChars,
    int maxSteps,
    int defaultMaxTokens,
    int maxTokensLimit,
    int maxCandidates,
    int maxVariants,
    CheckpointSettings checkpoints,
    TrustSettings trust,
    ModelKeys modelKeys,
    boolean serveUnverified) {

  /** The model a request that names none keys on, unless the server says which model its backend runs. */
  public static final String DEFAULT_MODEL = "default";

  /** Default candidates tried per request. */
  public static final int DEFAULT_MAX_CANDIDATES = 4;
  /** Default variants kept per structure key. */
  public static final int DEFAULT_MAX_VARIANTS = 8;

  /** Settings with the default {@code maxCandidates} and {@code maxVariants}. */
  public EngineConfig(
      double similarityThreshold, int maxPromptChars, int maxSteps, int defaultMaxTokens, int maxTokensLimit) {
    this(similarityThreshold, maxPromptChars, maxSteps, defaultMaxTokens, maxTokensLimit,
        DEFAULT_MAX_CANDIDATES, DEFAULT_MAX_VARIANTS, CheckpointSettings.defaults(), TrustSettings.defaults(),
        ModelKeys.exact(DEFAULT_MODEL), true);
  }

  /** Settings with the default checkpoints. */
  public EngineConfig(
      double similarityThreshold,
      int maxPromptChars,
      int maxSteps,
      int defaultMaxTokens,
      int maxTokensLimit,
      int maxCandidates,
      int maxVariants) {
    this(similarityThreshold, maxPromptChars, maxSteps, defaultMaxTokens, maxTokensLimit,
        maxCandidates, maxVariants, CheckpointSettings.defaults(), TrustSettings.defaults(),
        ModelKeys.exact(DEFAULT_MODEL), true);
  }

  /** These settings with other checkpoint settings. */
  public EngineConfig withCheckpoints(CheckpointSettings newCheckpoints) {
    return new EngineConfig(similarityThreshold, maxPromptChars, maxSteps, defaultMaxTokens, maxTokensLimit,
        maxCandidates, maxVariants, newCheckpoints, trust, modelKeys, serveUnverified);
  }

  /** These settings with other trust settings. */
  public EngineConfig withTrust(TrustSettings newTrust) {
    return new EngineConfig(similarityThreshold, maxPromptChars, maxSteps, defaultMaxTokens, maxTokensLimit,
        maxCandidates, maxVariants, checkpoints, newTrust, modelKeys, serveUnverified);
  }

  /** These settings with other model keys. */
  public EngineConfig withModelKeys(ModelKeys newModelKeys) {
    return new EngineConfig(similarityThreshold, maxPromptChars, maxSteps, defaultMaxTokens, maxTokensLimit,
        maxCandidates, maxVariants, checkpoints, trust, newModelKeys, serveUnverified);
  }

  /** These settings serving unverified answers ({@code true}) or refusing them. */
  public EngineConfig withServeUnverified(boolean serve) {
    return new EngineConfig(similarityThreshold, maxPromptChars, maxSteps, defaultMaxTokens, maxTokensLimit,
        maxCandidates, maxVariants, checkpoints, trust, modelKeys, serve);
  }

  public EngineConfig {
    java.util.Objects.requireNonNull(checkpoints, "checkpoints");
    java.util.Objects.requireNonNull(trust, "trust");
    java.util.Objects.requireNonNull(modelKeys, "modelKeys");
    if (maxCandidates < 1 || maxCandidates > 64 || maxVariants < 1 || maxVariants > 1024) {
      throw new IllegalArgumentException(
          "maxCandidates must be in [1,64] and maxVariants in [1,1024], got " + maxCandidates + ", " + maxVariants);
    }
    if (similarityThreshold < 0 || similarityThreshold > 1) {
      throw new IllegalArgumentException("similarityThreshold must be in [0,1], got " + similarityThreshold);
    }
    if (maxPromptChars < 1 || maxSteps < 1 || defaultMaxTokens < 1 || maxTokensLimit < defaultMaxTokens) {
      throw new IllegalArgumentException(
          "limits must be positive and maxTokensLimit >= defaultMaxTokens: " + maxPromptChars + ", "
              + maxSteps + ", " + defaultMaxTokens + ", " + maxTokensLimit);
    }
  }

  /**
   * Defaults: threshold 0.5, 32k-char prompts, 64 steps, 512 default / 4096 max output tokens, 4
   * candidates, 8 variants, {@link CheckpointSettings#defaults()}, {@link TrustSettings#defaults()}, every model
   * keyed exactly ({@value #DEFAULT_MODEL} for requests naming none), unverified answers served.
   */
  public static EngineConfig defaults() {
    return new EngineConfig(0.5, 32_768, 64, 512, 4096);
  }
}
