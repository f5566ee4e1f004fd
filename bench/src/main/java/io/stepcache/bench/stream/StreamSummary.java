package io.stepcache.bench.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a run over its repetitions: TTFV of the direct call and of StepCache (both
 * variants) with their paired difference, and the cancellation (tokens the server generated after
 * the failing step, the time until it stopped, the tokens saved against the whole answer), with
 * the two targets of issue 13.
 */
final class StreamSummary {

  /** Target: StepCache's first verified step at most this long after the model's own first complete step. */
  static final double TTFV_TARGET_MS = 5;
  /** Target: the cancelled generation stops costing tokens within this long of the failing step. */
  static final double STOP_TARGET_MS = 50;

  private final List<Runs.Repetition> reps;

  StreamSummary(List<Runs.Repetition> reps) {
    if (reps.isEmpty()) {
      throw new IllegalArgumentException("No repetition to summarise");
    }
    this.reps = List.copyOf(reps);
  }

  List<Runs.Repetition> repetitions() {
    return reps;
  }

  List<Double> values(ToDoubleFunction<Runs.Repetition> f) {
    List<Double> out = new ArrayList<>();
    reps.forEach(r -> out.add(f.applyAsDouble(r)));
    return out;
  }

  /** Both variants' paired TTFV differences (2 per repetition). */
  List<Double> ttfvDiffs() {
    List<Double> out = values(Runs.Repetition::ttfvDiffPass);
    out.addAll(values(Runs.Repetition::ttfvDiffFail));
    return out;
  }

  /** StepCache's own time on the way to the first verified step, both variants (2 per repetition). */
  List<Double> ownMs() {
    List<Double> out = values(r -> r.pass().ownMs());
    out.addAll(values(r -> r.fail().ownMs()));
    return out;
  }

  /** The time until the server stopped, upper bounds (ms after the failing step reached StepCache). */
  List<Double> stopUpper() {
    return values(r -> r.fail().cancel().stopUpperMs());
  }

  List<Double> tokensAfterMs() {
    return values(Runs.Repetition::tokensAfterMs);
  }

  /**
   * The noise floor of a paired difference: the same prompt through StepCache twice (pass minus fail
   * variant, the same code up to the first step), so whatever spread it has is the model server's.
   */
  List<Double> noiseFloor() {
    return values(r -> r.pass().ttfvMs() - r.fail().ttfvMs());
  }

  /** p10, p50, p90 and max of {@code values}. */
  static Map<String, Object> spread(List<Double> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p10", round(Percentiles.of(values, 10)));
    m.put("p50", round(Percentiles.of(values, 50)));
    m.put("p90", round(Percentiles.of(values, 90)));
    m.put("max", round(Percentiles.max(values)));
    return m;
  }

  /** Every figure, for {@code stream.json}. */
  Map<String, Object> toJson() {
    Map<String, Object> ttfv = new LinkedHashMap<>();
    ttfv.put("directMs", spread(values(r -> r.direct().call().ttfvMs())));
    ttfv.put("stepcachePassMs", spread(values(r -> r.pass().ttfvMs())));
    ttfv.put("stepcacheFailMs", spread(values(r -> r.fail().ttfvMs())));
    ttfv.put("differenceMs", spread(ttfvDiffs()));
    ttfv.put("differencePassMs", spread(values(Runs.Repetition::ttfvDiffPass)));
    ttfv.put("differenceFailMs", spread(values(Runs.Repetition::ttfvDiffFail)));
    ttfv.put("noiseFloorPassMinusFailMs", spread(noiseFloor()));
    ttfv.put("pairsWithin5Ms", Percentiles.atMost(ttfvDiffs(), TTFV_TARGET_MS));
    ttfv.put("pairs", ttfvDiffs().size());
    ttfv.put("stepcacheOwnMs", spread(ownMs()));
    ttfv.put("stepcacheBeforeBackendMs", spread(values(r -> r.pass().beforeBackendMs())));
    ttfv.put("stepcacheFirstStepLagMs", spread(values(r -> r.pass().firstStepLagMs())));
    ttfv.put("ttftDirectMs", spread(values(r -> r.direct().call().ttftMs())));
    ttfv.put("ttftStepcacheMs", spread(values(r -> r.pass().ttftMs())));
    ttfv.put("ttftDifferenceMs", spread(values(r -> r.pass().ttftMs() - r.direct().call().ttftMs())));
    Map<String, Object> cancel = new LinkedHashMap<>();
    cancel.put("tokensAfterFailingStep", spread(values(r -> r.fail().cancel().tokensAfter())));
    cancel.put("tokensAfterMs", spread(tokensAfterMs()));
    cancel.put("stopUpperMs", spread(stopUpper()));
    cancel.put("stopLowerMs", spread(values(r -> r.fail().cancel().stopLowerMs())));
    cancel.put("verifyMs", spread(values(r -> r.fail().cancel().verifyMs())));
    cancel.put("polls", spread(values(r -> r.fail().cancel().polls())));
    cancel.put("cancelledTokens", spread(values(r -> r.fail().used().tokensPredicted())));
    cancel.put("wholeAnswerTokens", spread(values(r -> r.direct().used().tokensPredicted())));
    cancel.put("savedTokens", spread(values(r -> r.savedTokens())));
    cancel.put("savedFraction", round(savedFraction()));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("serverMsPerToken", spread(values(r -> r.direct().serverMsPerToken())));
    model.put("directTotalMs", spread(values(r -> r.direct().call().totalMs())));
    model.put("serverTokensMinusPieces", spread(values(r -> r.direct().used().tokensPredicted() - r.direct().call().chunks())));
    model.put("passSameTextAsDirect", reps.stream().filter(Runs.Repetition::passSameText).count());
    model.put("failPrefixOfDirect", reps.stream().filter(Runs.Repetition::failSamePrefix).count());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("repetitions", reps.size());
    m.put("ttfv", ttfv);
    m.put("cancellation", cancel);
    m.put("model", model);
    m.put("targets", targets());
    return m;
  }

  /** Share of the whole answer's tokens the cancel saved, over all repetitions. */
  double savedFraction() {
    double whole = reps.stream().mapToLong(r -> r.direct().used().tokensPredicted()).sum();
    double saved = reps.stream().mapToLong(Runs.Repetition::savedTokens).sum();
    return whole == 0 ? Double.NaN : saved / whole;
  }

  /** The two targets, each judged at p50 and at p90, with MET / MISSED. */
  List<Map<String, Object>> targets() {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(target("TTFV through StepCache <= the direct call's + 5 ms (paired difference)", ttfvDiffs(),
        TTFV_TARGET_MS));
    out.add(target("StepCache's own time to the first verified step <= 5 ms (same call: before the backend call + "
        + "from the completing piece to the StepSink)", ownMs(), TTFV_TARGET_MS));
    out.add(target("cancelled generation stops within 50 ms of the failing step (first idle /slots poll)",
        stopUpper(), STOP_TARGET_MS));
    out.add(target("cancelled generation stops within 50 ms of the failing step (tokens after it x server ms/token)",
        tokensAfterMs(), STOP_TARGET_MS));
    return out;
  }

  private static Map<String, Object> target(String what, List<Double> values, double limit) {
    double p50 = Percentiles.of(values, 50);
    double p90 = Percentiles.of(values, 90);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("target", what);
    t.put("limitMs", limit);
    t.put("p50", round(p50));
    t.put("p90", round(p90));
    t.put("max", round(Percentiles.max(values)));
    t.put("p50Status", p50 <= limit ? "MET" : "MISSED");
    t.put("p90Status", p90 <= limit ? "MET" : "MISSED");
    return t;
  }

  static String verdict(Map<String, Object> t) {
    return String.format(Locale.ROOT, "[p50 %-6s p90 %-6s] %s: p50 %s, p90 %s, max %s (limit %s ms)",
        t.get("p50Status"), t.get("p90Status"), t.get("target"), t.get("p50"), t.get("p90"), t.get("max"),
        t.get("limitMs"));
  }

  static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
  }
}
