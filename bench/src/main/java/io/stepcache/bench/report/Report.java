package io.stepcache.bench.report;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.plot.Charts;
import io.stepcache.bench.plot.PlotWriter;
import io.stepcache.bench.workload.Perturbation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns the rows of a run into the table, the JSON and CSV files, and the plots. */
public final class Report {

  private final List<Row> rows;
  private final List<SystemMean> means;
  private final List<Targets.Target> targets;

  public Report(List<Row> rows) {
    this(rows, null);
  }

  /** With the figures of a load-mode run (or {@code null}) for the HTTP targets. */
  public Report(List<Row> rows, LoadFigures load) {
    this.rows = List.copyOf(rows);
    Map<String, List<Row>> bySystem = new LinkedHashMap<>();
    for (Row r : rows) {
      bySystem.computeIfAbsent(r.system, k -> new ArrayList<>()).add(r);
    }
    this.means = bySystem.entrySet().stream().map(e -> new SystemMean(e.getKey(), e.getValue())).toList();
    this.targets = Targets.evaluate(means, load);
  }

  public List<Row> rows() {
    return rows;
  }

  public List<SystemMean> means() {
    return means;
  }

  public List<Targets.Target> targets() {
    return targets;
  }

  /** The results table: one line per (system, seed) and a mean line per system, then the targets. */
  public void printTable(PrintStream out) {
    String header = String.format(Locale.ROOT, "%-15s %5s %5s %9s %9s %9s %9s %8s %7s %6s %6s  %s",
        "system", "seed", "req", "meanMs", "p50Ms", "p95Ms", "tokens", "tok/req", "correct", "wrongC", "wrongV",
        "paths");
    out.println(header);
    out.println("-".repeat(header.length() + 20));
    for (SystemMean m : means) {
      for (Row r : m.rows) {
        out.println(String.format(Locale.ROOT, "%-15s %5d %5d %9s %9s %9s %9d %8.1f %6.1f%% %6d %6d  %s",
            r.system, r.seed, r.requests, Targets.ms(r.meanMs), Targets.ms(r.p50Ms), Targets.ms(r.p95Ms),
            r.totalTokens, r.requests == 0 ? 0.0 : (double) r.totalTokens / r.requests, 100 * r.correct,
            r.wrongServedFromCache, r.wrongVerified, paths(r.paths) + trust(r)));
      }
      out.println(String.format(Locale.ROOT, "%-15s %5s %5.0f %9s %9s %9s %9.0f %8.1f %6.1f%% %6d %6d  %s",
          m.system, "mean", m.requests, Targets.ms(m.meanMs), Targets.ms(m.p50Ms), Targets.ms(m.p95Ms),
          m.totalTokens, m.tokensPerRequest, 100 * m.correct, m.wrongServedFromCache,
          m.rows.stream().mapToInt(r -> r.wrongVerified).sum(), shares(m)));
    }
    out.println();
    out.println("wrongC = wrong answers served from the cache (REUSE or PATCH); wrongV = wrong answers served as"
        + " verified (both summed over seeds on mean lines); tokens include StepCache's background tokens"
        + " (confirmations, audits: bg); latency = simulated model time + measured system time (see README)");
    out.println();
    out.println("Targets:");
    for (Targets.Target t : targets) {
      out.println(String.format(Locale.ROOT, "  [%-12s] %s%n                 measured: %s", t.status(), t.target(), t.measured()));
    }
  }

  /** StepCache's background tokens and answers per trust level, for the table; empty for others. */
  private static String trust(Row r) {
    if (r.verification.isEmpty()) {
      return "";
    }
    return "  bg " + r.backgroundTokens + " tok; " + r.verification + (r.wrongByVerification.isEmpty() ? ""
        : " wrong " + r.wrongByVerification);
  }

  private static String paths(Map<String, Integer> paths) {
    return paths.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String shares(SystemMean m) {
    return m.paths.keySet().stream()
        .map(p -> String.format(Locale.ROOT, "%s %.1f%%", p, 100 * m.pathShare(p)))
        .collect(Collectors.joining(", "));
  }

  /**
   * Writes {@code results.json} (the section-8 rows), {@code summary.json} (run metadata, means,
   * targets), {@code results.csv}, {@code requests.csv} and the plots; returns the files written.
   */
  public List<Path> write(Path dir, Map<String, Object> metadata, boolean png, List<String> warnings) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    List<Object> jsonRows = new ArrayList<>();
    rows.forEach(r -> jsonRows.add(r.toJson()));
    files.add(writeString(dir.resolve("results.json"), Json.pretty(jsonRows)));

    Map<String, Object> summary = new LinkedHashMap<>(metadata);
    summary.put("means", means.stream().map(SystemMean::toJson).toList());
    summary.put("targets", targets.stream().map(Targets.Target::toJson).toList());
    files.add(writeString(dir.resolve("summary.json"), Json.pretty(summary)));

    files.add(writeString(dir.resolve("results.csv"), resultsCsv()));
    files.add(writeString(dir.resolve("requests.csv"), requestsCsv()));

    PlotWriter plots = new PlotWriter(dir, png);
    Map<String, double[]> lat = new LinkedHashMap<>();
    for (SystemMean m : means) {
      lat.put(m.system, Row.pooled(m.rows).stream().mapToDouble(RequestRecord::latencyMs).toArray());
    }
    files.addAll(plots.write("latency-cdf", Charts.latencyCdf("Latency CDF per system (all seeds)", lat)));

    Map<String, Map<String, Integer>> mix = new LinkedHashMap<>();
    for (SystemMean m : means) {
      if (m.system.startsWith("stepcache")) {
        mix.put(m.system + ": all", m.paths);
        for (Perturbation p : Perturbation.values()) {
          List<RequestRecord> sub = Row.pooled(m.rows).stream().filter(r -> r.request().perturbation() == p).toList();
          if (!sub.isEmpty()) {
            mix.put(m.system + ": " + p.name(), Row.pathCounts(sub));
          }
        }
      }
    }
    for (SystemMean m : means) {
      if (!m.system.startsWith("stepcache")) {
        mix.put(m.system, m.paths);
      }
    }
    files.addAll(plots.write("paths", Charts.pathMix("Path mix (all seeds; StepCache by perturbation)", mix)));

    Map<String, LinkedHashMap<String, Double>> tokens = new LinkedHashMap<>();
    Map<String, Double> totals = new LinkedHashMap<>();
    for (SystemMean m : means) {
      LinkedHashMap<String, Double> seg = new LinkedHashMap<>();
      seg.put("prompt tokens", m.rows.stream().mapToDouble(r -> r.promptTokens).average().orElse(0));
      seg.put("completion tokens", m.rows.stream().mapToDouble(r -> r.completionTokens).average().orElse(0));
      tokens.put(m.system, seg);
      totals.put(m.system, m.totalTokens);
    }
    double base = totals.getOrDefault("no-cache", Double.NaN);
    files.addAll(plots.write("tokens", Charts.stackedBars("Tokens per system (mean per seed)", "tokens", tokens,
        Map.of("prompt tokens", "#1f77b4", "completion tokens", "#aec7e8"),
        s -> Double.isNaN(base) ? String.format(Locale.ROOT, "%.0f", totals.get(s))
            : String.format(Locale.ROOT, "%.0f (%.2fx)", totals.get(s), totals.get(s) / base))));

    Map<String, LinkedHashMap<String, Double>> correctness = new LinkedHashMap<>();
    for (SystemMean m : means) {
      List<RequestRecord> all = Row.pooled(m.rows);
      LinkedHashMap<String, Double> seg = new LinkedHashMap<>();
      double n = Math.max(1, all.size());
      seg.put("correct", 100 * all.stream().filter(RequestRecord::correct).count() / n);
      seg.put("wrong from the model", 100 * all.stream().filter(r -> !r.correct() && !r.served().fromCache()).count() / n);
      seg.put("wrong from the cache", 100 * all.stream().filter(RequestRecord::wrongFromCache).count() / n);
      correctness.put(m.system, seg);
    }
    Map<String, String> colours = new LinkedHashMap<>();
    colours.put("correct", "#2ca02c");
    colours.put("wrong from the model", "#ff7f0e");
    colours.put("wrong from the cache", "#d62728");
    files.addAll(plots.write("correctness", Charts.stackedBars("Answers judged correct (% of requests, all seeds)",
        "% of requests", correctness, colours,
        s -> String.format(Locale.ROOT, "%.1f%%", correctness.get(s).get("correct")))));
    warnings.addAll(plots.warnings());
    return files;
  }

  private static Path writeString(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private String resultsCsv() {
    StringBuilder sb = new StringBuilder(
        "system,seed,requests,meanMs,p50Ms,p95Ms,p99Ms,totalTokens,promptTokens,completionTokens,correct,wrong,"
            + "wrongServedFromCache,servedFromCache,modelCalls,requestsReachingModel,meanMsReachingModel,"
            + "tokensPerRequestReachingModel,reuseP50Ms,REUSE,PATCH,SKIP,MISS,HIT,ERROR\n");
    for (Row r : rows) {
      sb.append(String.join(",", csv(r.system), Long.toString(r.seed), Integer.toString(r.requests), num(r.meanMs),
          num(r.p50Ms), num(r.p95Ms), num(r.p99Ms), Long.toString(r.totalTokens), Long.toString(r.promptTokens),
          Long.toString(r.completionTokens), num(r.correct), Integer.toString(r.wrong),
          Integer.toString(r.wrongServedFromCache), Integer.toString(r.servedFromCache), Long.toString(r.modelCalls),
          Integer.toString(r.requestsReachingModel), num(r.meanMsReachingModel), num(r.tokensPerRequestReachingModel),
          num(r.reuseP50Ms)));
      for (String p : List.of("REUSE", "PATCH", "SKIP", "MISS", "HIT", "ERROR")) {
        sb.append(',').append(r.paths.getOrDefault(p, 0));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private String requestsCsv() {
    StringBuilder sb = new StringBuilder(
        "system,seed,index,family,baseId,perturbation,variant,path,latencyMs,systemMs,simulatedMs,serverLatencyMs,promptTokens,"
            + "completionTokens,modelCalls,fromCache,verified,verification,backgroundTokens,similarity,correct,wrongFromCache,reason,"
            + "prompt\n");
    for (Row row : rows) {
      for (RequestRecord r : row.records) {
        var s = r.served();
        var q = r.request();
        sb.append(String.join(",", csv(r.system()), Long.toString(r.seed()), Integer.toString(q.index()),
            q.family().task(), Integer.toString(q.baseId()), q.perturbation().name(), Integer.toString(q.variant()),
            s.path(), num(r.latencyMs()), num(r.wallMs()), num(s.simulatedMs()),
            s.serverLatencyMs() == null ? "" : num(s.serverLatencyMs()), Long.toString(s.promptTokens()),
            Long.toString(s.completionTokens()), Integer.toString(s.modelCalls()), Boolean.toString(s.fromCache()),
            String.valueOf(s.verified()), s.verification() == null ? "" : s.verification(),
            Long.toString(s.backgroundTokens()), s.similarity() == null ? "" : num(s.similarity()),
            Boolean.toString(r.correct()), Boolean.toString(r.wrongFromCache()), csv(r.verdict().reason()),
            csv(q.prompt())));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String csv(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
