package io.stepcache.spi;

import java.util.List;

/**
 * Builds the prompt for a full generation (MISS and SKIP paths) and for the independent
 * generation that confirms cached steps. Prompts for step regeneration and repair belong to the
 * pack's own {@link io.stepcache.spi.repair.RepairStrategy}.
 */
@FunctionalInterface
public interface PromptBuilder {

  /** The complete prompt sent to the model, including the answer format the segmenter expects. */
  String fullPrompt(TaskRequest request);

  /**
   * The prompt of an independent generation that should reproduce {@code steps} if they are right
   * for {@code request} (confirmation and audits of a {@link
   * io.stepcache.spi.verify.VerificationStrength#GROUNDED} pack). Its answer is segmented and
   * compared with {@code steps} slot by slot ({@link io.stepcache.spi.segment.Segmenter#slot}). It
   * should be phrased differently from {@link #fullPrompt} and may ask only for the slots of
   * {@code steps}; it must not show them (the model would copy them). Defaults to the full prompt
   * (the engine then relies on another temperature for independence). Since SPI 1.1.
   */
  default String confirmationPrompt(TaskRequest request, List<String> steps) {
    return fullPrompt(request);
  }
}
