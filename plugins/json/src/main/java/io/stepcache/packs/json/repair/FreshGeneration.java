package io.stepcache.packs.json.repair;

import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import java.util.List;

/**
 * The last resort: one full generation with the pack's full prompt. Its steps are {@code
 * REGENERATED}; when it verifies worse than what the earlier strategies left, that is kept.
 */
public final class FreshGeneration implements RepairStrategy {

  private final PromptBuilder prompts;
  private final Segmenter segmenter;

  /**
   * @param prompts builds the full prompt
   * @param segmenter reads the model's answer into key steps
   */
  public FreshGeneration(PromptBuilder prompts, Segmenter segmenter) {
    this.prompts = prompts;
    this.segmenter = segmenter;
  }

  @Override
  public String name() {
    return "json-fresh-generation";
  }

  @Override
  public List<Draft> repair(RepairContext context) {
    String answer = context.model().complete(prompts.fullPrompt(context.request()));
    List<Draft> fresh = segmenter.segment(answer, context.request()).stream()
        .map(step -> new Draft(step, StepOrigin.REGENERATED))
        .toList();
    return BestAttempt.choose(context, fresh);
  }
}
