package io.stepcache.bench.checkpoint;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.plot.Charts;
import io.stepcache.bench.plot.PlotWriter;
import io.stepcache.bench.system.Served;
import io.stepcache.bench.system.SimulationSettings;
import io.stepcache.bench.system.StepCacheSystem;
import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Generator;
import io.stepcache.bench.workload.Workload;
import io.stepcache.checkpoint.CheckpointPolicy;
import io.stepcache.checkpoint.CheckpointSettings;
import io.stepcache.engine.CheckpointUse;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.time.VirtualClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checkpoint benchmark of issue 6: (1) the planner's solve time for N = 2048, 8192, 131072 and
 * M = 8, 64 ({@link SolveTiming}); (2) StepBench's traffic through the real engine in process under
 * each checkpoint policy and budget: for every PATCH, the overlap depth (tokens of leading steps
 * verified and identical to the cached answer), the tokens a resuming server re-prefills (depth
 * minus the deepest checkpoint within it), and the PATCH's simulated latency. Prints a table and
 * writes {@code checkpoints.json}, {@code checkpoints.csv} and a plot.
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dbench.mainClass=io.stepcache.bench.checkpoint.CheckpointBench
 * -Dexec.args="--out bench-results/checkpoints"}.
 */
public final class CheckpointBench {

  private static final String USAGE = """
      CheckpointBench: planner solve times, and re-prefill tokens / PATCH latency on StepBench traffic
      per checkpoint policy (none, every-B, evenly spaced, planned) and budget M.

        --seeds 42,43,44     workload and model seeds
        --budgets 1,2,3,4    checkpoints per cached entry
        --block B            B (tokens) of the every-B policy (default 8)
        --out DIR            output directory (default bench-results/checkpoints)
        --no-timing          skip the solve-time table
        --quiet              no progress lines
      """;

  /** One (policy, budget) over all seeds. */
  record Row(String policy, int budget, int patches, long depthTokens, long reprefillTokens,
      long resumedBySimulator, double meanPatchMs, double checkpointsPerEntry) {

    double savedFraction(long noneReprefill) {
      return noneReprefill == 0 ? 0 : 1 - (double) reprefillTokens / noneReprefill;
    }
  }

  private CheckpointBench() {}

  public static void main(String[] args) throws IOException {
    List<Long> seeds = List.of(42L, 43L, 44L);
    List<Integer> budgets = List.of(1, 2, 3, 4);
    int block = 8;
    Path out = Path.of("bench-results", "checkpoints");
    boolean timing = true;
    boolean quiet = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Arrays.stream(value(args, ++i).split(",")).map(Long::parseLong).toList();
        case "--budgets" -> budgets = Arrays.stream(value(args, ++i).split(",")).map(Integer::parseInt).toList();
        case "--block" -> block = Integer.parseInt(value(args, ++i));
        case "--out" -> out = Path.of(value(args, ++i));
        case "--no-timing" -> timing = false;
        case "--quiet" -> quiet = true;
        case "--help" -> {
          System.out.print(USAGE);
          return;
        }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'\n" + USAGE);
      }
    }
    Files.createDirectories(out);
    Map<String, Object> json = new LinkedHashMap<>();
    if (timing) {
      List<SolveTiming.Result> times = SolveTiming.run(quiet ? null : System.err);
      SolveTiming.print(times, System.out);
      json.put("solveTimes", times.stream().map(SolveTiming.Result::toJson).toList());
    }
    List<Row> rows = traffic(seeds, budgets, block, quiet ? null : System.err);
    print(rows, System.out);
    json.put("command", "mvn -q -pl bench exec:java -Dbench.mainClass=" + CheckpointBench.class.getName()
        + " -Dexec.args=\"" + String.join(" ", args) + "\"");
    json.put("seeds", seeds);
    json.put("blockTokens", block);
    json.put("traffic", rows.stream().map(CheckpointBench::toJson).toList());
    json.put("target", target(rows));
    Files.writeString(out.resolve("checkpoints.json"), Json.pretty(json));
    Files.writeString(out.resolve("checkpoints.csv"), csv(rows));
    Map<String, LinkedHashMap<String, Double>> bars = new LinkedHashMap<>();
    for (Row r : rows) {
      LinkedHashMap<String, Double> bar = new LinkedHashMap<>();
      bar.put("re-prefill tokens", (double) r.reprefillTokens());
      bars.put(r.policy() + (r.policy().equals("none") ? "" : " M=" + r.budget()), bar);
    }
    PlotWriter plots = new PlotWriter(out, true);
    plots.write("checkpoints", Charts.stackedBars("Re-prefill tokens on StepBench PATCH traffic",
        "tokens re-prefilled (all seeds)", bars, Map.of("re-prefill tokens", "#4e79a7"), v -> v));
    System.out.println("\n" + target(rows).get("verdict"));
    System.out.println("Wrote checkpoints.json, checkpoints.csv, checkpoints.svg/.png to " + out);
  }

  /** Runs the workload of every seed through the engine once per (policy, budget). */
  static List<Row> traffic(List<Long> seeds, List<Integer> budgets, int block, PrintStream progress) {
    List<Row> rows = new ArrayList<>();
    rows.add(run(seeds, CheckpointPolicy.NONE, 0, block, progress));
    for (CheckpointPolicy policy :
        List.of(CheckpointPolicy.EVERY_BLOCK, CheckpointPolicy.EVENLY_SPACED, CheckpointPolicy.PLANNED)) {
      for (int budget : budgets) {
        rows.add(run(seeds, policy, budget, block, progress));
      }
    }
    return rows;
  }

  private static Row run(List<Long> seeds, CheckpointPolicy policy, int budget, int block, PrintStream progress) {
    CheckpointSettings settings = new CheckpointSettings(policy, budget, block, 4096);
    EngineConfig config = EngineConfig.defaults().withCheckpoints(settings);
    int patches = 0;
    long depth = 0;
    long reprefill = 0;
    double patchMs = 0;
    long entries = 0;
    long checkpoints = 0;
    long resumed = 0;
    for (long seed : seeds) {
      Workload workload = Generator.paper().generate(seed);
      VirtualClock clock = new VirtualClock();
      try (StepCacheSystem system =
          new StepCacheSystem(SimulationSettings.paper(), seed, clock, "checkpoints", config)) {
        for (BenchRequest request : workload.requests()) {
          Served served = system.serve(request);
          CompletionResult r = system.lastResult();
          if (served.path().equals(RequestPath.PATCH.name()) && r != null && r.checkpoint() != null) {
            CheckpointUse use = r.checkpoint();
            patches++;
            depth += use.depthTokens();
            reprefill += use.reprefillTokens();
            patchMs += served.simulatedMs();
          }
        }
        long[] counts = new long[2];
        system.engine().store().forEach(e -> {
          counts[0]++;
          counts[1] += e.checkpoints().size();
        });
        entries += counts[0];
        resumed += system.backend().resumedPromptTokens();
        checkpoints += counts[1];
      }
    }
    Row row = new Row(name(policy), budget, patches, depth, reprefill, resumed, patches == 0 ? 0 : patchMs / patches,
        entries == 0 ? 0 : (double) checkpoints / entries);
    if (progress != null) {
      progress.printf(Locale.ROOT, "[checkpoints] %s M=%d: %d PATCHes, re-prefill %d of %d tokens%n",
          row.policy(), budget, patches, reprefill, depth);
    }
    return row;
  }

  private static String name(CheckpointPolicy p) {
    return switch (p) {
      case NONE -> "none";
      case EVERY_BLOCK -> "every-B";
      case EVENLY_SPACED -> "evenly-spaced";
      case PLANNED -> "planned (DP)";
    };
  }

  /**
   * The target: the planner at least matches the best baseline while using at most 60 %
   * of the baseline's checkpoints. For each baseline budget M, the smallest planner budget whose
   * re-prefill is at most the best baseline's at M; met when that budget is at most 0.6 M for
   * some M where a baseline saves anything.
   */
  static Map<String, Object> target(List<Row> rows) {
    List<Map<String, Object>> checks = new ArrayList<>();
    boolean met = false;
    boolean any = false;
    for (Row base : rows) {
      if (base.policy().equals("none") || base.policy().startsWith("planned")) {
        continue;
      }
      Row best = rows.stream()
          .filter(r -> !r.policy().equals("none") && !r.policy().startsWith("planned") && r.budget() == base.budget())
          .min((a, b) -> Long.compare(a.reprefillTokens(), b.reprefillTokens()))
          .orElseThrow();
      if (best != base) {
        continue;
      }
      Integer needed = rows.stream()
          .filter(r -> r.policy().startsWith("planned") && r.reprefillTokens() <= best.reprefillTokens())
          .map(Row::budget)
          .min(Integer::compare)
          .orElse(null);
      Map<String, Object> check = new LinkedHashMap<>();
      check.put("baselineBudget", base.budget());
      check.put("bestBaseline", best.policy());
      check.put("bestBaselineReprefill", best.reprefillTokens());
      check.put("plannerBudgetToMatch", needed);
      check.put("ratio", needed == null ? null : (double) needed / base.budget());
      checks.add(check);
      any = true;
      met |= needed != null && needed <= 0.6 * base.budget();
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("checks", checks);
    t.put("met", met);
    t.put("verdict", (any ? (met ? "[MET     ] " : "[MISSED  ] ") : "[NOT_MEASURED] ")
        + "planner matches the best baseline with <= 60 % of its checkpoints: " + checks);
    return t;
  }

  static void print(List<Row> rows, PrintStream out) {
    long none = rows.get(0).reprefillTokens();
    out.printf("%n%-15s %3s %8s %12s %12s %8s %10s %12s %12s%n", "policy", "M", "PATCHes", "depth tok",
        "re-prefill", "saved", "resumed", "PATCH ms", "ckpt/entry");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-15s %3d %8d %12d %12d %7.1f%% %10d %12.1f %12.2f%n", r.policy(), r.budget(),
          r.patches(), r.depthTokens(), r.reprefillTokens(), 100 * r.savedFraction(none), r.resumedBySimulator(),
          r.meanPatchMs(), r.checkpointsPerEntry());
    }
    out.println("depth tok: overlap depth of every PATCH (tokens of leading steps verified and identical to the"
        + " cached answer); re-prefill: depth minus the deepest checkpoint within it (the planner's cost);"
        + " resumed: prompt tokens the simulated server actually skipped (only repair prompts that contain"
        + " the checkpointed steps verbatim can resume)");
  }

  private static Map<String, Object> toJson(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", r.policy());
    m.put("budget", r.budget());
    m.put("patches", r.patches());
    m.put("depthTokens", r.depthTokens());
    m.put("reprefillTokens", r.reprefillTokens());
    m.put("resumedBySimulator", r.resumedBySimulator());
    m.put("meanPatchMs", r.meanPatchMs());
    m.put("checkpointsPerEntry", r.checkpointsPerEntry());
    return m;
  }

  private static String csv(List<Row> rows) {
    StringBuilder sb = new StringBuilder(
        "policy,budget,patches,depthTokens,reprefillTokens,resumedBySimulator,meanPatchMs,checkpointsPerEntry\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%.3f,%.4f%n", r.policy(), r.budget(), r.patches(),
          r.depthTokens(), r.reprefillTokens(), r.resumedBySimulator(), r.meanPatchMs(), r.checkpointsPerEntry()));
    }
    return sb.toString();
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}
