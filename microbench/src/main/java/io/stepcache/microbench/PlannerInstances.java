package io.stepcache.microbench;

import io.stepcache.checkpoint.DepthDistribution;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The planner instances whose solve time is measured (issue 6's sizes): a skewed depth distribution
 * (a decaying tail with a few sharp peaks) per (N, binSize), seeded by N, so that every run and the
 * bench's {@code CheckpointBench} solve the very same instances.
 */
public final class PlannerInstances {

  /** The shapes as {@code "N/binSize"}, in the order CheckpointBench prints them. */
  public static final List<String> SHAPES = List.of("2048/1", "8192/1", "131072/64", "131072/1");

  /** The checkpoint budgets M measured for every shape. */
  public static final List<Integer> BUDGETS = List.of(8, 64);

  private PlannerInstances() {}

  /** N of a shape such as {@code "8192/1"}. */
  public static int maxDepth(String shape) {
    return Integer.parseInt(part(shape, 0));
  }

  /** binSize of a shape such as {@code "131072/64"}. */
  public static int binSize(String shape) {
    return Integer.parseInt(part(shape, 1));
  }

  /** The instance of a shape such as {@code "2048/1"}. */
  public static DepthDistribution skewed(String shape) {
    return skewed(maxDepth(shape), binSize(shape));
  }

  /** The skewed distribution over depths 1..maxDepth in bins of binSize, seeded by maxDepth. */
  public static DepthDistribution skewed(int maxDepth, int binSize) {
    SplittableRandom random = new SplittableRandom(maxDepth);
    double[] histogram = new double[maxDepth / binSize];
    for (int k = 0; k < histogram.length; k++) {
      histogram[k] = Math.exp(-3.0 * k / histogram.length) * random.nextDouble();
    }
    for (int peak = 0; peak < 5; peak++) {
      histogram[random.nextInt(histogram.length)] += histogram.length / 10.0;
    }
    return DepthDistribution.fromHistogram(histogram, maxDepth, binSize);
  }

  private static String part(String shape, int i) {
    String[] parts = shape.split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("a shape is N/binSize, e.g. 8192/1, got '" + shape + "'");
    }
    return parts[i].trim();
  }
}
