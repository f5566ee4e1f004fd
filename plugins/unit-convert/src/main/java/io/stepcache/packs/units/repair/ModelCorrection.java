package io.stepcache.packs.units.repair;

import io.stepcache.packs.units.prompt.UnitPrompts;
import io.stepcache.packs.units.steps.UnitSegmenter;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.List;

/**
 * One model call, shown the failing answer and the rules' findings. Steps the model left as they
 * were keep their origin; changed ones are {@code REPAIRED}. The result is kept only when it
 * verifies better ({@link Verification#SEVERITY}) than what it was given.
 */
public final class ModelCorrection implements RepairStrategy {

  private final UnitPrompts prompts;
  private final UnitSegmenter segmenter;

  public ModelCorrection(UnitPrompts prompts, UnitSegmenter segmenter) {
    this.prompts = prompts;
    this.segmenter = segmenter;
  }

  @Override
  public String name() {
    return "unit-model-correction";
  }

  @Override
  public List<Draft> repair(RepairContext ctx) {
    List<String> before = ctx.steps().stream().map(Draft::text).toList();
    String answer = ctx.model().complete(
        prompts.correctionPrompt(ctx.request(), before, ctx.verification().messages()));
    List<String> after = segmenter.segment(answer, ctx.request());
    Verification v = ctx.verify(after);
    if (Verification.SEVERITY.compare(v, ctx.verification()) >= 0) {
      return ctx.steps();
    }
    List<Draft> out = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      boolean same = i < before.size() && before.get(i).equals(after.get(i));
      out.add(same ? ctx.steps().get(i) : new Draft(after.get(i), StepOrigin.REPAIRED));
    }
    return out;
  }
}
