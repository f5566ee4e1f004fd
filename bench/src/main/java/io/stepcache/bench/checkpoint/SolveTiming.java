package io.stepcache.bench.checkpoint;

import io.stepcache.checkpoint.Baselines;
import io.stepcache.checkpoint.CheckpointPlanner;
import io.stepcache.checkpoint.CostModel;
import io.stepcache.checkpoint.DepthDistribution;
import io.stepcache.microbench.PlannerInstances;
import io.stepcache.microbench.PlannerSolveBenchmark;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Solve times of {@link CheckpointPlanner} (DP with backpointers plus the full-length read-out) for
 * the sizes, measured by JMH: microbench's {@link PlannerSolveBenchmark} run through the JMH
 * Runner API with its own defaults (one fork per instance, 3 x 1 s warm-up, 5 x 1 s measured; average
 * time per solve), on {@link PlannerInstances}' skewed distributions (a decaying tail with a few sharp
 * peaks). The savings columns come from one solve per instance outside the timing. Timings depend on
 * the machine; nothing is asserted.
 */
final class SolveTiming {

  /**
   * How JMH runs: {@code null} fields keep {@link PlannerSolveBenchmark}'s annotations (tests run
   * shorter, in process).
   */
  record Settings(Integer forks, Integer warmupIterations, Integer measurementIterations, TimeValue iterationTime,
      List<String> shapes, List<Integer> budgets) {

    static Settings defaults() {
      return new Settings(null, null, null, null, PlannerInstances.SHAPES, PlannerInstances.BUDGETS);
    }
  }

  /**
   * One (N, binSize, M) measurement: JMH's score (mean ms per solve over the measured iterations) and
   * its 99.9 % error, the median and lowest iteration mean, the iteration count.
   */
  record Result(int n, int binSize, int candidates, int budget, double meanMs, double errorMs, double medianMs,
      double minMs, long iterations, double savings, double balancedSavings) {

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("N", n);
      m.put("binSize", binSize);
      m.put("candidates", candidates);
      m.put("M", budget);
      m.put("meanMs", meanMs);
      m.put("errorMs", Double.isNaN(errorMs) ? null : errorMs);
      m.put("medianMs", medianMs);
      m.put("minMs", minMs);
      m.put("iterations", iterations);
      m.put("savings", savings);
      m.put("balancedSavings", balancedSavings);
      return m;
    }
  }

  private SolveTiming() {}

  /** Runs with the benchmark's defaults; JMH's progress to {@code progress} (null: silent), its JSON to {@code jmhJson}. */
  static List<Result> run(PrintStream progress, Path jmhJson) throws RunnerException {
    return run(Settings.defaults(), progress, jmhJson);
  }

  static List<Result> run(Settings settings, PrintStream progress, Path jmhJson) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include("^" + Pattern.quote(PlannerSolveBenchmark.class.getName() + ".solve") + "$")
        .param("shape", settings.shapes().toArray(String[]::new))
        .param("budget", settings.budgets().stream().map(String::valueOf).toArray(String[]::new))
        .shouldFailOnError(true);
    if (settings.forks() != null) {
      options.forks(settings.forks());
    }
    if (settings.warmupIterations() != null) {
      options.warmupIterations(settings.warmupIterations());
    }
    if (settings.measurementIterations() != null) {
      options.measurementIterations(settings.measurementIterations());
    }
    if (settings.iterationTime() != null) {
      options.warmupTime(settings.iterationTime()).measurementTime(settings.iterationTime());
    }
    if (jmhJson != null) {
      options.resultFormat(ResultFormatType.JSON).result(jmhJson.toString());
    }
    OutputFormat format = progress == null
        ? OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT)
        : OutputFormatFactory.createFormatInstance(progress, VerboseMode.NORMAL);
    Collection<RunResult> runs = runWithForkClasspath(new Runner(options.build(), format));

    List<Result> results = new ArrayList<>();
    for (String shape : settings.shapes()) {
      DepthDistribution dist = PlannerInstances.skewed(shape);
      for (int budget : settings.budgets()) {
        RunResult run = runs.stream()
            .filter(r -> shape.equals(r.getParams().getParam("shape"))
                && String.valueOf(budget).equals(r.getParams().getParam("budget")))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("JMH returned no result for " + shape + " M=" + budget));
        Statistics stats = run.getPrimaryResult().getStatistics();
        double savings = CheckpointPlanner.solve(dist, budget).plan().savings();
        double balanced = CostModel.evaluate(dist, Baselines.balanced(dist, budget)).savings();
        results.add(new Result(dist.maxDepth(), dist.binSize(), dist.candidateCount(), budget,
            run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreError(), stats.getPercentile(50),
            stats.getMin(), stats.getN(), savings, balanced));
      }
    }
    return results;
  }

  static void print(List<Result> results, PrintStream out) {
    out.printf("%8s %8s %8s %4s %10s %9s %10s %10s %9s %9s%n", "N", "binSize", "K", "M", "mean ms", "± 99.9%",
        "median ms", "min ms", "savings", "balanced");
    for (Result r : results) {
      out.printf(Locale.ROOT, "%8d %8d %8d %4d %10.2f %9.2f %10.2f %10.2f %9.4f %9.4f%n", r.n(), r.binSize(),
          r.candidates(), r.budget(), r.meanMs(), Double.isNaN(r.errorMs()) ? 0 : r.errorMs(), r.medianMs(), r.minMs(),
          r.savings(), r.balancedSavings());
    }
    out.println("JMH average time per solve (PlannerSolveBenchmark, one fork per instance); median and min over the"
        + " measured iterations' means");
    results.stream().filter(r -> r.n() == 8192 && r.budget() == 64 && r.binSize() == 1).findFirst().ifPresent(r ->
        out.printf(Locale.ROOT, "%s N = 8192, M = 64 solves in %.2f ms (target < 20 ms)%n",
            r.meanMs() < 20 ? "[MET     ]" : "[MISSED  ]", r.meanMs()));
  }

  /**
   * Runs {@code runner} so that its forks see this program's class path. JMH starts each fork with
   * {@code java.class.path}; under {@code mvn exec:java} that is Maven's launcher, and the project's
   * class path lives in the URL class loader that loaded this class.
   */
  private static Collection<RunResult> runWithForkClasspath(Runner runner) throws RunnerException {
    String classpath = urlClasspath(SolveTiming.class.getClassLoader());
    String before = System.getProperty("java.class.path");
    if (classpath != null) {
      System.setProperty("java.class.path", classpath);
    }
    try {
      return runner.run();
    } finally {
      if (before != null) {
        System.setProperty("java.class.path", before);
      }
    }
  }

  /**
   * The file entries of the URL class loaders from {@code loader} up (parents first, as they
   * delegate), or null when there are none (the JDK's application class loader: {@code
   * java.class.path} is right as it is).
   */
  static String urlClasspath(ClassLoader loader) {
    List<ClassLoader> chain = new ArrayList<>();
    for (ClassLoader cl = loader; cl != null; cl = cl.getParent()) {
      chain.add(0, cl);
    }
    List<String> entries = new ArrayList<>();
    for (ClassLoader cl : chain) {
      if (cl instanceof URLClassLoader u) {
        for (URL url : u.getURLs()) {
          if ("file".equals(url.getProtocol())) {
            try {
              entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException | IllegalArgumentException e) {
              entries.add(url.getPath());
            }
          }
        }
      }
    }
    return entries.isEmpty() ? null : String.join(File.pathSeparator, entries);
  }
}
