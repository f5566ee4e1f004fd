package io.stepcache.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles from the HdrHistogram: the interpolated closest ranks of the sorted values, within 0.01 %. */
class StatsTest {

  @Test
  void percentilesAreTheInterpolatedRanksOfTheSortedValues() {
    Random random = new Random(42);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 290; i++) {
      values.add(random.nextBoolean() ? 0.5 + random.nextDouble() * 10 : 1500 + random.nextDouble() * 3000);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    for (double p : new double[] {0, 1, 50, 95, 99, 100}) {
      double expected = interpolated(sorted, p);
      assertThat(Stats.percentile(values, p)).as("p%s", p).isCloseTo(expected, within(expected * 1e-4));
    }
  }

  @Test
  void smallAndEmptySamples() {
    assertThat(Stats.percentile(List.of(), 50)).isNaN();
    assertThat(Stats.percentile(List.of(4.0), 99)).isCloseTo(4.0, within(4e-4));
    assertThat(Stats.percentile(List.of(1.0, 3.0), 50)).isCloseTo(2.0, within(2e-4));
    assertThat(Stats.mean(Arrays.asList(1.0, 2.0, 6.0))).isEqualTo(3.0);
  }

  private static double interpolated(double[] sorted, double p) {
    double rank = p / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }
}
