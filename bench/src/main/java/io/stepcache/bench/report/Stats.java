package io.stepcache.bench.report;

import java.util.Arrays;
import java.util.Collection;

/** Means and percentiles (linear interpolation between closest ranks, as numpy's default). */
public final class Stats {

  private Stats() {}

  public static double mean(Collection<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** The {@code p}-th percentile (0..100) of {@code values}; NaN when empty. */
  public static double percentile(Collection<Double> values, double p) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(v);
    return percentileOfSorted(v, p);
  }

  /** The {@code p}-th percentile (0..100) of values already sorted ascending; NaN when empty. */
  public static double percentileOfSorted(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double rank = p / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }
}
