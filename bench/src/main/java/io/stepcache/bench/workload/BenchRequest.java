package io.stepcache.bench.workload;

import io.stepcache.engine.CompletionRequest;
import java.util.List;
import java.util.Objects;

/**
 * One evaluated request of the workload.
 *
 * @param index position in the seed's request sequence (0-based)
 * @param family task family
 * @param baseId which base prompt of the family it derives from (0-based)
 * @param perturbation how it differs from that base prompt
 * @param variant which of the perturbation's variants (0-based; 0 for the base prompt)
 * @param prompt the prompt text
 * @param schemaJson JSON Schema sent with the request, or {@code null}
 * @param requiredKeys required keys sent with the request (may be empty)
 * @param truth the ground truth the judges compare against
 */
public record BenchRequest(
    int index,
    Family family,
    int baseId,
    Perturbation perturbation,
    int variant,
    String prompt,
    String schemaJson,
    List<String> requiredKeys,
    Truth truth) {

  public BenchRequest {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(perturbation, "perturbation");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(truth, "truth");
    requiredKeys = requiredKeys == null ? List.of() : List.copyOf(requiredKeys);
  }

  /** The engine request for {@code tenant}, naming the family's pack as the task. */
  public CompletionRequest toCompletionRequest(String tenant) {
    return new CompletionRequest(prompt, family.task(), tenant, schemaJson, requiredKeys, null, null, null);
  }

  /** A short label such as {@code json#3/CONSTANTS.1}. */
  public String label() {
    return family.task() + "#" + baseId + "/" + perturbation + (perturbation == Perturbation.BASE ? "" : "." + variant);
  }

  BenchRequest withIndex(int newIndex) {
    return new BenchRequest(newIndex, family, baseId, perturbation, variant, prompt, schemaJson, requiredKeys, truth);
  }
}
