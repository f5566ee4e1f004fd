package io.stepcache.packs.json.repair;

import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.PrettyObject;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import java.util.List;
import java.util.Optional;

/**
 * One model call that is shown the findings. When most keys pass, it asks only for the failing and
 * missing keys and merges them into the passing steps ({@link RepairScope}, {@link StepMerge}); a
 * failing key the request does not name is dropped without a call. Otherwise it asks for the whole
 * object again, showing the previous answer. Changed steps are {@code REPAIRED}.
 */
public final class OneShotRepair implements RepairStrategy {

  private final Segmenter segmenter;

  /** @param segmenter reads the model's answer into key steps */
  public OneShotRepair(Segmenter segmenter) {
    this.segmenter = segmenter;
  }

  @Override
  public String name() {
    return "json-one-shot-repair";
  }

  @Override
  public List<Draft> repair(RepairContext context) {
    ExtractionTask task = ExtractionTask.of(context.request());
    Optional<List<KeySpec>> keys = RepairScope.keysToRepair(task, context.steps(), context.verification());
    List<Draft> repaired = keys.isPresent() ? byKey(context, task, keys.get()) : whole(context, task);
    return BestAttempt.choose(context, repaired);
  }

  private List<Draft> byKey(RepairContext context, ExtractionTask task, List<KeySpec> keys) {
    List<String> answer = keys.isEmpty()
        ? List.of()
        : ask(context, ExtractionPrompts.partial(task, keys, context.verification().messages()));
    List<String> names = keys.stream().map(KeySpec::name).toList();
    return StepMerge.byKey(context.steps(), context.verification(), answer, names);
  }

  private List<Draft> whole(RepairContext context, ExtractionTask task) {
    String previous = context.rawOutput() != null
        ? context.rawOutput()
        : PrettyObject.of(context.steps().stream().map(Draft::text).toList());
    List<String> answer = ask(context, ExtractionPrompts.repair(task, context.verification().messages(), previous));
    return StepMerge.whole(context.steps(), answer);
  }

  private List<String> ask(RepairContext context, String prompt) {
    return segmenter.segment(context.model().complete(prompt), context.request());
  }
}
