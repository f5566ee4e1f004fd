package io.stepcache.bench;

import io.stepcache.bench.load.LoadException;
import io.stepcache.bench.load.LoadResult;
import io.stepcache.bench.load.LoadRunner;
import io.stepcache.bench.report.LoadFigures;
import io.stepcache.bench.report.Report;
import io.stepcache.bench.system.HttpStepCacheSystem;
import io.stepcache.bench.system.ServerKeys;
import io.stepcache.bench.workload.Workload;
import io.stepcache.engine.trust.TrustSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The StepBench command line: runs the paper's benchmark (bench/README.md) for StepCache and
 * the alternatives in one run, prints the table, writes the section-8 JSON, CSV files and plots.
 *
 * <pre>
 * mvn -q -pl bench exec:java -Dexec.args="--mode in-process --seeds 42,43,44 --out bench-results"
 * mvn -q -pl bench exec:java -Dexec.args="--mode load --url http://localhost:9080 --out bench-results-http"
 * </pre>
 */
public final class StepBench {

  private StepBench() {}

  public static void main(String[] args) {
    if (!Boolean.getBoolean("stepbench.verbose")) {
      // the engine logs every pack load at INFO; a run builds a fresh engine per (system, seed)
      java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
      for (var h : java.util.logging.Logger.getLogger("").getHandlers()) {
        h.setLevel(java.util.logging.Level.WARNING);
      }
    }
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs with {@code args}; returns the exit code (0 ok, 1 failure, 2 bad usage). */
  public static int run(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.HelpRequested e) {
      System.out.println(Options.usage());
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    if (options.printServerConfig()) {
      System.out.println("# liberty settings (MicroProfile Config) for the '" + options.settings().name()
          + "' profile; one server per seed, e.g. as system properties or in server.env:");
      long seed = options.seeds().get(0);
      Map<String, String> props = options.settings().serverProperties(seed);
      props.forEach((k, v) -> System.out.println(k + "=" + v));
      System.out.println("# the same as environment variables (MicroProfile Config maps them to the keys above), e.g.");
      System.out.println("# in front of mvn -pl liberty -am liberty:run; STEPCACHE_BENCH_ECHO_ENABLED=true adds the");
      System.out.println("# echo endpoint that --mode load needs:");
      System.out.println("# " + String.join(" ", environment(props)) + " STEPCACHE_BENCH_ECHO_ENABLED=true");
      return 0;
    }
    if (options.loadMode()) {
      try {
        runLoad(options);
        return 0;
      } catch (LoadException e) {
        System.err.println("load mode failed: " + e.getMessage());
        return 1;
      } catch (IOException e) {
        System.err.println("Could not write results: " + e);
        return 1;
      }
    }
    try {
      runAndWrite(options);
      return 0;
    } catch (HttpStepCacheSystem.ServerUnreachableException e) {
      System.err.println("StepCache server not reachable: " + e.getMessage()
          + "\nStart it first (see liberty/README.md) or pass --url.");
      return 1;
    } catch (IOException e) {
      System.err.println("Could not write results: " + e);
      return 1;
    }
  }

  /** {@code stepcache.backend.sim.seed=42} as {@code STEPCACHE_BACKEND_SIM_SEED=42}. */
  static List<String> environment(Map<String, String> properties) {
    List<String> out = new ArrayList<>();
    properties.forEach((k, v) -> out.add(k.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT) + "=" + v));
    return out;
  }

  /** Load mode: seeds a REUSE entry, measures, prints the table, writes load.json, load.csv and plots. */
  public static LoadResult runLoad(Options options) throws LoadException, IOException {
    URI base;
    try {
      base = URI.create(options.url().replaceAll("/+$", ""));
    } catch (IllegalArgumentException e) {
      throw new LoadException("--url is not a URL: " + options.url());
    }
    if (base.getHost() == null) {
      throw new LoadException("--url needs a host, e.g. http://localhost:9080, got " + options.url());
    }
    String tenant = options.tenant() != null ? options.tenant() : "stepbench-load-" + System.currentTimeMillis() / 1000;
    Duration timeout = Duration.ofSeconds(options.httpTimeoutSeconds());
    String key = options.apiKey() == null ? null : ServerKeys.issue(base, options.apiKey(), tenant, timeout);
    LoadRunner runner = new LoadRunner(new LoadRunner.Config(base, tenant, options.concurrency(),
        options.durationSeconds(), options.loadWarmupSeconds(), options.loadClient(), timeout, options.progress(), key),
        System.err);
    LoadResult result = runner.run();
    result.meta().put("command", "mvn -q -pl bench exec:java -Dexec.args=\"" + String.join(" ", loadArgs(options)) + "\"");
    result.printTable(System.out);
    List<String> warnings = new ArrayList<>();
    printWritten(options, result.write(options.out(), options.png(), warnings), warnings);
    return result;
  }

  private static List<String> loadArgs(Options o) {
    List<String> a = new ArrayList<>();
    a.add("--mode load");
    a.add("--url " + o.url());
    a.add("--concurrency " + String.join(",", o.concurrency().stream().map(String::valueOf).toList()));
    a.add("--duration " + num(o.durationSeconds()));
    a.add("--load-warmup " + num(o.loadWarmupSeconds()));
    a.add("--load-client " + o.loadClient());
    a.add("--out " + o.out());
    return a;
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /**
   * The load-mode figures for the HTTP targets: {@code --load-results}, else load.json in {@code
   * --out} when there is one, else none.
   */
  static LoadFigures loadFigures(Options options) throws IOException {
    Path file = options.loadResults();
    if (file == null) {
      Path candidate = options.out().resolve("load.json");
      if (!Files.isRegularFile(candidate)) {
        return null;
      }
      file = candidate;
    }
    return LoadResult.readFigures(file);
  }

  /** Runs the benchmark and writes every output; returns the report. */
  public static Report runAndWrite(Options options) throws IOException {
    LoadFigures load = loadFigures(options);
    if (load != null && options.progress()) {
      System.err.println("load targets from " + load.source());
    }
    BenchRun run = new BenchRun(options, System.err);
    Instant started = Instant.now();
    Report report = new Report(run.run().rows(), load);
    report.printTable(System.out);
    List<String> warnings = new ArrayList<>();
    Map<String, Object> meta = metadata(options, run.workloads(), started);
    if (load != null) {
      meta.put("loadResults", load.source());
    }
    printWritten(options, report.write(options.out(), meta, options.png(), warnings), warnings);
    return report;
  }

  /** The warnings of writing the results (stderr), then the files written (stdout). */
  private static void printWritten(Options options, List<Path> files, List<String> warnings) {
    warnings.forEach(w -> System.err.println("warning: " + w));
    System.out.println();
    System.out.println("Wrote " + files.size() + " files to " + options.out().toAbsolutePath() + ":");
    files.forEach(f -> System.out.println("  " + f.getFileName()));
  }

  static Map<String, Object> metadata(Options o, List<Workload> workloads, Instant started) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", "StepBench");
    m.put("startedAt", started.toString());
    m.put("finishedAt", Instant.now().toString());
    m.put("mode", o.mode());
    m.put("seeds", o.seeds());
    m.put("systems", o.systems());
    m.put("clock", o.realClock() ? "real" : "virtual");
    m.put("backend", o.llmUrl() == null ? "simulated (profile below)" : "real OpenAI-compatible server " + o.llmUrl()
        + " (the profile below is not used; correctness comes from the judges)");
    m.put("maxTokens", o.maxTokens());
    m.put("trust", "stepcache.trust.confirm=" + o.confirm().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
        + ", other trust settings default; confirmation and audit jobs run between requests (a worker that keeps up),"
        + " their tokens count in totalTokens (backgroundTokens), their model time in no request's latency");
    m.put("latency", o.llmUrl() != null
        ? "measured wall time of each call to the real server"
        : o.realClock()
        ? "measured wall time of each call (the simulated model sleeps)"
        : "simulated model time (virtual clock) + measured wall time of the call in this JVM");
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("name", o.settings().name());
    profile.put("description", o.settings().describe());
    profile.put("timeToFirstTokenMs", o.settings().profile().timeToFirstToken().toMillis());
    profile.put("prefillTokensPerSecond", o.settings().profile().prefillTokensPerSecond());
    profile.put("decodeTokensPerSecond", o.settings().profile().decodeTokensPerSecond());
    var e = o.settings().errors();
    Map<String, Object> errors = new LinkedHashMap<>();
    errors.put("wrongArithmetic", e.wrongArithmetic());
    errors.put("wrongSign", e.wrongSign());
    errors.put("missingJsonKey", e.missingJsonKey());
    errors.put("malformedJson", e.malformedJson());
    errors.put("truncated", e.truncated());
    errors.put("groundedDistractor", e.groundedDistractor());
    profile.put("errors", errors);
    profile.put("jsonAnswers", o.settings().usesTruthOracle()
        ? "truth oracle (the workload's true values), then the pack oracles"
        : "pack oracles (the json pack's pattern matcher), as calibrated");
    m.put("profile", profile);
    if (o.mode().equals("http")) {
      m.put("url", o.url());
    }
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("name", o.workload().label());
    w.put("basesPerFamily", o.bases());
    w.put("variantsPerPerturbation", o.variants());
    w.put("limit", o.limit());
    w.put("requestsPerSeed", workloads.stream().map(Workload::size).toList());
    if (!workloads.isEmpty()) {
      Map<String, Object> mix = new LinkedHashMap<>();
      workloads.get(0).perturbationMix().forEach((k, v) -> mix.put(k.name(), v));
      w.put("perturbationMix", mix);
      Map<String, Object> fam = new LinkedHashMap<>();
      workloads.get(0).familyMix().forEach((k, v) -> fam.put(k.task(), v));
      w.put("familyMix", fam);
    }
    m.put("workload", w);
    m.put("command", "mvn -q -pl bench exec:java -Dexec.args=\"" + String.join(" ", commandArgs(o)) + "\"");
    return m;
  }

  private static List<String> commandArgs(Options o) {
    List<String> a = new ArrayList<>();
    a.add("--mode " + o.mode());
    a.add("--seeds " + String.join(",", o.seeds().stream().map(String::valueOf).toList()));
    a.add("--systems " + String.join(",", o.systems()));
    a.add("--profile " + o.settings().name());
    a.add("--workload " + o.workload().label());
    if (o.confirm() != TrustSettings.defaults().confirm()) {
      a.add("--confirm on-demand");
    }
    a.add("--clock " + (o.realClock() ? "real" : "virtual"));
    if (o.limit() > 0) {
      a.add("--limit " + o.limit());
    }
    if (o.bases() != 10) {
      a.add("--bases " + o.bases());
    }
    if (o.variants() != 3) {
      a.add("--variants " + o.variants());
    }
    if (o.mode().equals("http")) {
      a.add("--url " + o.url());
    }
    a.add("--out " + o.out());
    return a;
  }
}
