package io.stepcache.engine.backend;

import java.util.Objects;

/**
 * One call to the model.
 *
 * @param prompt the full prompt
 * @param model model name, or {@code null} for the backend's default
 * @param temperature sampling temperature, or {@code null}
 * @param maxTokens output token limit (at least 1)
 * @param hints per-call hints (tenant, response schema); never {@code null}
 */
public record GenerationRequest(
    String prompt, String model, Double temperature, int maxTokens, GenerationHints hints) {
  public GenerationRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
    }
    hints = hints == null ? GenerationHints.NONE : hints;
  }

  /** A call without hints. */
  public GenerationRequest(String prompt, String model, Double temperature, int maxTokens) {
    this(prompt, model, temperature, maxTokens, GenerationHints.NONE);
  }
}
