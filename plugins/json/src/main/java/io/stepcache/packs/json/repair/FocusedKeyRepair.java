package io.stepcache.packs.json.repair;

import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.Member;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Repairs single keys with at most one small model call ({@link FocusPlan}): steps whose key the
 * request no longer names are dropped without a call; the failing and missing requested keys are
 * asked for with the focused prompt ({@link ExtractionPrompts#focused}: those keys with their types
 * and the source text, without the pack's instructions, the schema or the previous answer), and
 * the answer's steps for them are merged into the passing steps as {@code REGENERATED}, in the
 * request's key order. When an output finding is not about single keys, or nothing can be asked
 * for, the steps are returned unchanged without a call. The result is kept only when it verifies no
 * worse than the steps given.
 *
 * <p>The pack runs it twice: first, and again after the fresh generation ({@link #afterFresh}) so
 * that an error in the fresh answer does not end unverified. The second run calls the model only on
 * the PATCH path (the context has no raw output), which bounds the model calls of a request to 3:
 * PATCH = focused + fresh + focused; MISS and SKIP = generation + focused + fresh.
 */
public final class FocusedKeyRepair implements RepairStrategy {

  private final Segmenter segmenter;
  private final boolean afterFresh;

  private FocusedKeyRepair(Segmenter segmenter, boolean afterFresh) {
    this.segmenter = segmenter;
    this.afterFresh = afterFresh;
  }

  /** The first repair strategy. @param segmenter reads the model's answer into key steps */
  public static FocusedKeyRepair first(Segmenter segmenter) {
    return new FocusedKeyRepair(segmenter, false);
  }

  /**
   * The last strategy, after the fresh generation; calls the model only when the steps came from
   * the cache (no raw output), so a request makes at most 3 model calls.
   */
  public static FocusedKeyRepair afterFresh(Segmenter segmenter) {
    return new FocusedKeyRepair(segmenter, true);
  }

  @Override
  public String name() {
    return afterFresh ? "json-focused-repair-after-fresh" : "json-focused-repair";
  }

  @Override
  public List<Draft> repair(RepairContext context) {
    if (afterFresh && context.rawOutput() != null) {
      return context.steps(); // MISS/SKIP: generation, focused repair and fresh generation made 3 calls
    }
    ExtractionTask task = ExtractionTask.of(context.request());
    Optional<FocusPlan> plan = FocusPlan.of(task, context.steps(), context.verification());
    if (plan.isEmpty()) {
      return context.steps();
    }
    List<KeySpec> keys = plan.get().keysToAsk();
    if (keys.isEmpty()) {
      return plan.get().dropsSomething() ? plan.get().merge(Map.of()) : context.steps();
    }
    String answer = context.model().complete(ExtractionPrompts.focused(keys, task.prompt().sourceText()));
    return BestAttempt.choose(context, plan.get().merge(answered(answer, context, keys)));
  }

  /** The answer's first step for each asked key; steps for other keys are ignored. */
  private Map<String, String> answered(String answer, RepairContext context, List<KeySpec> keys) {
    Map<String, String> out = new HashMap<>();
    List<String> names = keys.stream().map(KeySpec::name).toList();
    for (String step : segmenter.segment(answer, context.request())) {
      String key = Member.parse(step).key();
      if (names.contains(key)) {
        out.putIfAbsent(key, step);
      }
    }
    return out;
  }
}
