package io.stepcache.engine.checkpoint;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Prints solve times of {@link CheckpointPlanner} (solve plus the full-length read-out) for the
 * issue's sizes. Not a test: timings depend on the machine, so nothing is asserted. Run after
 * {@code mvn -o -pl engine test-compile} with {@code java -cp
 * engine/target/classes:engine/target/test-classes
 * io.stepcache.engine.checkpoint.CheckpointPlannerTiming}.
 */
public final class CheckpointPlannerTiming {

  private static final int WARM_UPS = 5;
  private static final int RUNS = 15;

  private CheckpointPlannerTiming() {}

  public static void main(String[] args) {
    int[][] shapes = {{2048, 1}, {8192, 1}, {131072, 64}, {131072, 1}}; // N, binSize
    System.out.printf(
        "%8s %8s %8s %4s %10s %10s %9s %9s%n",
        "N", "binSize", "K", "M", "median ms", "min ms", "savings", "balanced");
    for (int[] shape : shapes) {
      DepthDistribution dist = skewed(shape[0], shape[1], new SplittableRandom(shape[0]));
      for (int budget : new int[] {8, 64}) {
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
        System.out.printf(
            "%8d %8d %8d %4d %10.2f %10.2f %9.4f %9.4f%n",
            shape[0], shape[1], dist.candidateCount(), budget, millis[RUNS / 2], millis[0],
            plan.savings(), balanced);
      }
    }
  }

  /** A decaying tail with a few sharp peaks, as shared-document traffic looks. */
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
