package io.stepcache.spi;

/**
 * Builds the prompt for a full generation (MISS and SKIP paths). Prompts for step regeneration and
 * repair belong to the pack's own {@link io.stepcache.spi.repair.RepairStrategy}.
 */
@FunctionalInterface
public interface PromptBuilder {

  /** The complete prompt sent to the model, including the answer format the segmenter expects. */
  String fullPrompt(TaskRequest request);
}
