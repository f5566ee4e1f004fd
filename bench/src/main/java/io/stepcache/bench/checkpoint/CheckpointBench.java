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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The checkpoint benchmark of issue 6: (1) the planner's solve time for N = 2048, 8192, 131072 and
 * M = 8, 64, measured by JMH ({@link SolveTiming}: microbench's {@code PlannerSolveBenchmark}); (2)
 * StepBench's traffic through the real engine in process under each checkpoint policy and budget: for every PATCH, the overlap depth (tokens of leading steps
 * verified and identical to the cached answer), the tokens a resuming server re-prefills (depth
 * minus the deepest checkpoint within it), and the PATCH's simulated latency. Prints a table and
 * writes {@code checkpoints.json}, {@code checkpoints.csv}, a plot and JMH's own {@code
 * solve-times-jmh.json}. Options are parsed by picocli ({@link Args}).
 *
 * <p>Run: {@code mvn -q -pl bench exec:java -Dbench.mainClass=io.stepcache.bench.checkpoint.CheckpointBench
 * -Dexec.args="--out bench-results/checkpoints"}.
 */
public final class CheckpointBench {

  /** One (policy, budget) over all seeds. */
  record Row(String policy, int budget, int patches, long depthTokens, long reprefillTokens,
      long resumedBySimulator, double meanPatchMs, double checkpointsPerEntry) {

    double savedFraction(long noneReprefill) {
      return noneReprefill == 0 ? 0 : 1 - (double) reprefillTokens / noneReprefill;
    }
  }

  /** The command line (picocli); defaults as before the switch to picocli. */
  @Command(name = "CheckpointBench", sortOptions = false, usageHelpAutoWidth = true,
      description = {"CheckpointBench: planner solve times (JMH), and re-prefill tokens / PATCH latency on StepBench",
          "traffic per checkpoint policy (none, every-B, evenly spaced, planned) and budget M."})
  static final class Args {

    @Option(names = "--seeds", split = ",", paramLabel = "42,43,44", defaultValue = "42,43,44",
        description = "workload and model seeds")
    List<Long> seeds;

    @Option(names = "--budgets", split = ",", paramLabel = "1,2,3,4", defaultValue = "1,2,3,4",
        description = "checkpoints per cached entry")
    List<Integer> budgets;

    @Option(names = "--block", paramLabel = "B", defaultValue = "8",
        description = "B (tokens) of the every-B policy (default ${DEFAULT-VALUE})")
    int block;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results/checkpoints",
        description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-timing", description = "skip the solve-time table (and its JMH run)")
    boolean noTiming;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--help", usageHelp = true, description = "this help")
    boolean help;
  }

  private CheckpointBench() {}

  public static void main(String[] args) throws IOException, RunnerException {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Parses {@code args} and runs; the exit code (0 ok or help, 2 bad usage). */
  static int run(String[] args) throws IOException, RunnerException {
    Args a;
    try {
      a = parse(args);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      e.getCommandLine().usage(System.err);
      return 2;
    }
    if (a.help) {
      new CommandLine(new Args()).usage(System.out);
      return 0;
    }
    run(a, args);
    return 0;
  }

  /**
   * The options in {@code args}.
   *
   * @throws CommandLine.ParameterException on an unknown option or a bad value
   */
  static Args parse(String... args) {
    Args a = new Args();
    new CommandLine(a).parseArgs(args);
    return a;
  }

  private static void run(Args a, String[] args) throws IOException, RunnerException {
    Path out = a.out;
    Files.createDirectories(out);
    Map<String, Object> json = new LinkedHashMap<>();
    if (!a.noTiming) {
      List<SolveTiming.Result> times = SolveTiming.run(a.quiet ? null : System.err, out.resolve("solve-times-jmh.json"));
      SolveTiming.print(times, System.out);
      json.put("solveTimes", times.stream().map(SolveTiming.Result::toJson).toList());
    }
    List<Row> rows = traffic(a.seeds, a.budgets, a.block, a.quiet ? null : System.err);
    print(rows, System.out);
    json.put("command", "mvn -q -pl bench exec:java -Dbench.mainClass=" + CheckpointBench.class.getName()
        + " -Dexec.args=\"" + String.join(" ", args) + "\"");
    json.put("seeds", a.seeds);
    json.put("blockTokens", a.block);
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
    System.out.println("Wrote checkpoints.json, checkpoints.csv, checkpoints.svg/.png"
        + (a.noTiming ? "" : ", solve-times-jmh.json") + " to " + out);
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
}
