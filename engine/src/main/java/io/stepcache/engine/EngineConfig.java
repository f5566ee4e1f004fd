package io.stepcache.engine;

/**
 * Engine settings (the {@code liberty} module reads them from MicroProfile Config).
 *
 * @param similarityThreshold minimum similarity (0..1) of a neighbour with another structure key
 *     to be considered at all; below it the request is a MISS
 * @param maxPromptChars longest prompt accepted (INPUT_TOO_LARGE above)
 * @param maxSteps most steps an answer may have; longer answers fail verification
 * @param defaultMaxTokens output token limit when the request names none
 * @param maxTokensLimit largest maxTokens a request may ask for
 */
public record EngineConfig(
    double similarityThreshold, int maxPromptChars, int maxSteps, int defaultMaxTokens, int maxTokensLimit) {

  public EngineConfig {
    if (similarityThreshold < 0 || similarityThreshold > 1) {
      throw new IllegalArgumentException("similarityThreshold must be in [0,1], got " + similarityThreshold);
    }
    if (maxPromptChars < 1 || maxSteps < 1 || defaultMaxTokens < 1 || maxTokensLimit < defaultMaxTokens) {
      throw new IllegalArgumentException(
          "limits must be positive and maxTokensLimit >= defaultMaxTokens: " + maxPromptChars + ", "
              + maxSteps + ", " + defaultMaxTokens + ", " + maxTokensLimit);
    }
  }

  /** Defaults: threshold 0.5, 32k-char prompts, 64 steps, 512 default / 4096 max output tokens. */
  public static EngineConfig defaults() {
    return new EngineConfig(0.5, 32_768, 64, 512, 4096);
  }
}
