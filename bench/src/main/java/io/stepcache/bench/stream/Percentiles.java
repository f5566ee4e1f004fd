package io.stepcache.bench.stream;

import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a few dozen values that may be negative (paired differences): sorted, linear
 * interpolation between the two closest ranks (numpy's default, as {@code report.Stats}, whose
 * histograms take non-negative values only). NaN values are left out.
 */
final class Percentiles {

  private Percentiles() {}

  /** The {@code p}-th percentile (0..100); NaN when there is no value. */
  static double of(Collection<Double> values, double p) {
    double[] v = values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    double rank = p / 100.0 * (v.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
  }

  /** The largest value; NaN when there is none. */
  static double max(Collection<Double> values) {
    return values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  /** How many values are at most {@code limit}, of those that are not NaN. */
  static long atMost(Collection<Double> values, double limit) {
    return values.stream().filter(d -> !Double.isNaN(d) && d <= limit).count();
  }

  /** The values, sorted (for plots). */
  static double[] sorted(Collection<Double> values) {
    double[] v = values.stream().filter(d -> !Double.isNaN(d)).mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }
}
