package io.stepcache.bench.checkpoint;

import io.stepcache.checkpoint.Baselines;
import io.stepcache.checkpoint.CheckpointPlanner;
import io.stepcache.checkpoint.CostModel;
import io.stepcache.checkpoint.DepthDistribution;
import io.stepcache.checkpoint.Plan;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Solve times of {@link CheckpointPlanner} (DP with backpointers plus the full-length read-out) for
 * the sizes, median of 15 runs after 5 warm-ups, on a skewed distribution (a decaying tail
 * with a few sharp peaks). Timings depend on the machine; nothing is asserted.
 */
final class SolveTiming {

  private static final int WARM_UPS = 5;
  private static final int RUNS = 15;

  /** One (N, binSize, M) measurement. */
  record Result(int n, int binSize, int candidates, int budget, double medianMs, double minMs, double savings,
      double balancedSavings) {

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("N", n);
      m.put("binSize", binSize);
      m.put("candidates", candidates);
      m.put("M", budget);
      m.put("medianMs", medianMs);
      m.put("minMs", minMs);
      m.put("savings", savings);
      m.put("balancedSavings", balancedSavings);
      return m;
    }
  }

  private SolveTiming() {}

  static List<Result> run(PrintStream progress) {
    int[][] shapes = {{2048, 1}, {8192, 1}, {131072, 64}, {131072, 1}}; // N, binSize
    List<Result> results = new ArrayList<>();
    for (int[] shape : shapes) {
      DepthDistribution dist = skewed(shape[0], shape[1], new SplittableRandom(shape[0]));
      for (int budget : new int[] {8, 64}) {
        if (progress != null) {
          progress.printf("[timing] N=%d binSize=%d M=%d%n", shape[0], shape[1], budget);
        }
        double[] millis = new double[RUNS];
        Plan plan = null;
        for (int run = -WARM_UPS; run < RUNS; run++) {
          long start = System.nanoTime();
          plan = CheckpointPlanner.solve(dist, budget).plan();
          if (run >= 0) {
            millis[run] = (System.nanoTime() - start) / 1e6;
          }
        }
        Arrays.sort(millis);
        double balanced = CostModel.evaluate(dist, Baselines.balanced(dist, budget)).savings();
        results.add(new Result(shape[0], shape[1], dist.candidateCount(), budget, millis[RUNS / 2], millis[0],
            plan.savings(), balanced));
      }
    }
    return results;
  }

  static void print(List<Result> results, PrintStream out) {
    out.printf("%8s %8s %8s %4s %10s %10s %9s %9s%n", "N", "binSize", "K", "M", "median ms", "min ms", "savings",
        "balanced");
    for (Result r : results) {
      out.printf(Locale.ROOT, "%8d %8d %8d %4d %10.2f %10.2f %9.4f %9.4f%n", r.n(), r.binSize(), r.candidates(),
          r.budget(), r.medianMs(), r.minMs(), r.savings(), r.balancedSavings());
    }
    results.stream().filter(r -> r.n() == 8192 && r.budget() == 64 && r.binSize() == 1).findFirst().ifPresent(r ->
        out.printf(Locale.ROOT, "%s N = 8192, M = 64 solves in %.2f ms (target < 20 ms)%n",
            r.medianMs() < 20 ? "[MET     ]" : "[MISSED  ]", r.medianMs()));
  }

  private static DepthDistribution skewed(int maxDepth, int binSize, SplittableRandom random) {
    double[] histogram = new double[maxDepth / binSize];
    for (int k = 0; k < histogram.length; k++) {
      histogram[k] = Math.exp(-3.0 * k / histogram.length) * random.nextDouble();
    }
    for (int peak = 0; peak < 5; peak++) {
      histogram[random.nextInt(histogram.length)] += histogram.length / 10.0;
    }
    return DepthDistribution.fromHistogram(histogram, maxDepth, binSize);
  }
}
