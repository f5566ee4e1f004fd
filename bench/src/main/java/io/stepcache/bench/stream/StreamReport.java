package io.stepcache.bench.stream;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.plot.Charts;
import io.stepcache.bench.plot.PlotWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The streaming benchmark's outputs: the table on stdout, {@code stream.json} (settings, every
 * repetition, the summary and targets), {@code stream.csv} (a line per repetition) and two plots
 * ({@code ttfv-cdf} and {@code cancel-tokens}, SVG and PNG).
 */
final class StreamReport {

  private StreamReport() {}

  static void print(StreamSummary s, PrintStream out) {
    out.printf(Locale.ROOT, "%n%-42s %9s %9s %9s %9s%n", "over " + s.repetitions().size() + " repetitions", "p10",
        "p50", "p90", "max");
    row(out, "TTFT direct (ms)", s.values(r -> r.direct().call().ttftMs()));
    row(out, "TTFT StepCache backend (ms)", s.values(r -> r.pass().ttftMs()));
    row(out, "TTFV direct: first complete element (ms)", s.values(r -> r.direct().call().ttfvMs()));
    row(out, "TTFV StepCache pass: first verified step", s.values(r -> r.pass().ttfvMs()));
    row(out, "TTFV StepCache fail: first verified step", s.values(r -> r.fail().ttfvMs()));
    row(out, "TTFV difference, paired, both (ms)", s.ttfvDiffs());
    row(out, "  of them pass variant (ms)", s.values(Runs.Repetition::ttfvDiffPass));
    row(out, "  of them fail variant (ms)", s.values(Runs.Repetition::ttfvDiffFail));
    row(out, "noise: StepCache pass - fail, same prompt", s.noiseFloor());
    row(out, "StepCache own: before the backend (ms)", s.values(r -> r.pass().beforeBackendMs()));
    row(out, "StepCache own: completing piece -> step", s.values(r -> r.pass().firstStepLagMs()));
    row(out, "StepCache own time, both variants (ms)", s.ownMs());
    row(out, "server ms per generated token", s.values(r -> r.direct().serverMsPerToken()));
    row(out, "cancel: verify the failing step (ms)", s.values(r -> r.fail().cancel().verifyMs()));
    row(out, "cancel: tokens after the failing step", s.values(r -> r.fail().cancel().tokensAfter()));
    row(out, "cancel: those tokens x ms/token (ms)", s.tokensAfterMs());
    row(out, "cancel: until /slots idle, upper (ms)", s.stopUpper());
    row(out, "cancel: until last busy poll, lower (ms)", s.values(r -> r.fail().cancel().stopLowerMs()));
    row(out, "tokens, whole answer (direct)", s.values(r -> r.direct().used().tokensPredicted()));
    row(out, "tokens, cancelled generation", s.values(r -> r.fail().used().tokensPredicted()));
    out.printf(Locale.ROOT, "tokens saved by the cancel: %.1f %% of the whole answers'%n", 100 * s.savedFraction());
    long same = s.repetitions().stream().filter(Runs.Repetition::passSameText).count();
    long prefix = s.repetitions().stream().filter(Runs.Repetition::failSamePrefix).count();
    out.printf(Locale.ROOT, "same text as the direct call: pass %d of %d, fail (its start) %d of %d%n", same,
        s.repetitions().size(), prefix, s.repetitions().size());
    out.println();
    s.targets().forEach(t -> out.println(StreamSummary.verdict(t)));
  }

  private static void row(PrintStream out, String name, List<Double> values) {
    out.printf(Locale.ROOT, "%-42s %9.2f %9.2f %9.2f %9.2f%n", name, Percentiles.of(values, 10),
        Percentiles.of(values, 50), Percentiles.of(values, 90), Percentiles.max(values));
  }

  /** Writes stream.json, stream.csv and the plots to {@code dir}; returns the plots' warnings. */
  static List<String> write(Path dir, Map<String, Object> run, StreamSummary s, boolean png) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> json = new LinkedHashMap<>(run);
    json.put("summary", s.toJson());
    json.put("repetitions", s.repetitions().stream().map(StreamReport::toJson).toList());
    Files.writeString(dir.resolve("stream.json"), Json.pretty(json));
    Files.writeString(dir.resolve("stream.csv"), csv(s));
    PlotWriter plots = new PlotWriter(dir, png);
    Map<String, double[]> cdf = new LinkedHashMap<>();
    cdf.put("direct (first complete element)", Percentiles.sorted(s.values(r -> r.direct().call().ttfvMs())));
    cdf.put("StepCache pass (first verified step)", Percentiles.sorted(s.values(r -> r.pass().ttfvMs())));
    cdf.put("StepCache fail (first verified step)", Percentiles.sorted(s.values(r -> r.fail().ttfvMs())));
    plots.write("ttfv-cdf", Charts.latencyCdf("Time to the first verified step, MISS on llama-server", cdf, false));
    Map<String, LinkedHashMap<String, Double>> bars = new LinkedHashMap<>();
    bars.put("whole answer (direct)", segments(s, false));
    bars.put("cancelled (StepCache fail)", segments(s, true));
    plots.write("cancel-tokens", Charts.stackedBars("Tokens generated per request (mean over repetitions)",
        "tokens", bars, colours(),
        name -> String.format(Locale.ROOT, "%.1f", bars.get(name).values().stream().mapToDouble(Double::doubleValue).sum())));
    return plots.warnings();
  }

  /** The bar segments' colours, in stacking order (bottom first). */
  private static Map<String, String> colours() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("up to the failing step", "#4e79a7");
    c.put("after the failing step", "#e15759");
    c.put("whole answer", "#bab0ac");
    return c;
  }

  private static LinkedHashMap<String, Double> segments(StreamSummary s, boolean cancelled) {
    LinkedHashMap<String, Double> seg = new LinkedHashMap<>();
    double n = s.repetitions().size();
    if (cancelled) {
      seg.put("up to the failing step", s.values(r -> r.fail().cancel().piecesAtCancel()).stream()
          .mapToDouble(Double::doubleValue).sum() / n);
      seg.put("after the failing step", s.values(r -> r.fail().cancel().tokensAfter()).stream()
          .mapToDouble(Double::doubleValue).sum() / n);
    } else {
      seg.put("whole answer", s.values(r -> r.direct().used().tokensPredicted()).stream()
          .mapToDouble(Double::doubleValue).sum() / n);
    }
    return seg;
  }

  static Map<String, Object> toJson(Runs.Repetition r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", r.index());
    m.put("prompt", r.prompt());
    m.put("directFirst", r.directFirst());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("ttftMs", r.direct().call().ttftMs());
    d.put("ttfvMs", r.direct().call().ttfvMs());
    d.put("totalMs", r.direct().call().totalMs());
    d.put("pieces", r.direct().call().chunks());
    d.put("usageCompletionTokens", r.direct().call().completionTokens());
    d.put("finishReason", r.direct().call().finishReason());
    d.put("serverTokens", r.direct().used().tokensPredicted());
    d.put("serverMsPerToken", r.direct().serverMsPerToken());
    d.put("serverPromptTokens", r.direct().used().promptTokens());
    d.put("text", r.direct().call().text());
    m.put("direct", d);
    m.put("pass", engine(r.pass()));
    m.put("fail", engine(r.fail()));
    m.put("ttfvDiffPassMs", r.ttfvDiffPass());
    m.put("ttfvDiffFailMs", r.ttfvDiffFail());
    m.put("tokensAfterMs", r.tokensAfterMs());
    m.put("savedTokens", r.savedTokens());
    m.put("passSameText", r.passSameText());
    m.put("failSamePrefix", r.failSamePrefix());
    return m;
  }

  private static Map<String, Object> engine(Runs.Engine e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("beforeBackendMs", e.beforeBackendMs());
    m.put("firstStepLagMs", e.firstStepLagMs());
    m.put("ttftMs", e.ttftMs());
    m.put("ttfvMs", e.ttfvMs());
    m.put("totalMs", e.totalMs());
    m.put("path", e.path());
    m.put("streamedSteps", e.streamedSteps());
    m.put("verified", e.verified());
    m.put("pieces", e.pieces());
    m.put("serverTokens", e.used().tokensPredicted());
    m.put("serverPromptTokens", e.used().promptTokens());
    if (e.cancel() != null) {
      Runs.Cancel c = e.cancel();
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("piecesAtCancel", c.piecesAtCancel());
      cm.put("arrivedMs", c.arrivedMs());
      cm.put("verifyMs", c.verifyMs());
      cm.put("stopUpperMs", c.stopUpperMs());
      cm.put("stopLowerMs", c.stopLowerMs());
      cm.put("polls", c.polls());
      cm.put("tokensAfterFailingStep", c.tokensAfter());
      m.put("cancel", cm);
    }
    m.put("text", e.text());
    return m;
  }

  private static String csv(StreamSummary s) {
    List<String> lines = new ArrayList<>();
    lines.add("index,directFirst,directTtftMs,directTtfvMs,directTotalMs,directTokens,serverMsPerToken,"
        + "passTtftMs,passTtfvMs,failTtfvMs,ttfvDiffPassMs,ttfvDiffFailMs,passOwnMs,failOwnMs,failTokens,piecesAtCancel,"
        + "tokensAfterFailingStep,tokensAfterMs,verifyMs,stopLowerMs,stopUpperMs,polls,savedTokens,passSameText,"
        + "failSamePrefix");
    for (Runs.Repetition r : s.repetitions()) {
      Runs.Cancel c = r.fail().cancel();
      lines.add(String.format(Locale.ROOT,
          "%d,%b,%.3f,%.3f,%.3f,%d,%.4f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%d,%d,%b,%b",
          r.index(), r.directFirst(), r.direct().call().ttftMs(), r.direct().call().ttfvMs(),
          r.direct().call().totalMs(), r.direct().used().tokensPredicted(), r.direct().serverMsPerToken(),
          r.pass().ttftMs(), r.pass().ttfvMs(), r.fail().ttfvMs(), r.ttfvDiffPass(), r.ttfvDiffFail(),
          r.pass().ownMs(), r.fail().ownMs(), r.fail().used().tokensPredicted(), c.piecesAtCancel(), c.tokensAfter(), r.tokensAfterMs(), c.verifyMs(),
          c.stopLowerMs(), c.stopUpperMs(), c.polls(), r.savedTokens(), r.passSameText(), r.failSamePrefix()));
    }
    return String.join("\n", lines) + "\n";
  }
}
