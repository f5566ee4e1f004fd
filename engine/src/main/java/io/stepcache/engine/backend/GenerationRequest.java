package io.stepcache.engine.backend;

import java.util.Objects;

/**
 * One call to the model.
 *
 * @param prompt the full prompt
 * @param model model name, or {@code null} for the backend's default
 * @param temperature sampling temperature, or {@code null}
 * @param maxTokens output token limit (at least 1)
 */
public record GenerationRequest(String prompt, String model, Double temperature, int maxTokens) {
  public GenerationRequest {
    Objects.requireNonNull(prompt, "prompt");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
    }
  }
}
