package io.stepcache.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DepthDistributionTest {

  @Test
  void histogramBinsAreSpreadOverTheirDepths() {
    DepthDistribution binned = DepthDistribution.fromHistogram(new double[] {2, 0, 5}, 10, 3);
    DepthDistribution spread =
        DepthDistribution.ofWeights(new double[] {2, 2, 2, 0, 0, 0, 5, 5, 5, 0}, 3);
    assertSamePrefixSums(binned, spread);
    assertThat(binned.candidateCount()).isEqualTo(3);
    assertThat(binned.totalWeight()).isEqualTo(21);
  }

  @Test
  void samplesWeighTheirExactDepth() {
    DepthDistribution sampled = DepthDistribution.fromSamples(new int[] {3, 3, 7}, 8, 2);
    assertSamePrefixSums(
        sampled, DepthDistribution.ofWeights(new double[] {0, 0, 2, 0, 0, 0, 1, 0}, 2));
    assertThat(DepthDistribution.of(null, new int[] {3, 3, 7}, 8, 2).cumulativeDepthWeight(8))
        .isEqualTo(13);
  }

  @Test
  void weightedRecomputeChargesTheDistanceToTheCheckpoint() {
    DepthDistribution dist = DepthDistribution.ofWeights(new double[] {1, 2, 3, 4}, 1);
    assertThat(dist.weightedRecompute(0, 4)).isEqualTo(1 + 4 + 9 + 16);
    assertThat(dist.weightedRecompute(2, 4)).isEqualTo(0 + 3 + 8);
    assertThat(dist.weightedRecompute(3, 2)).isZero();
  }

  @Test
  void rejectsBadShapes() {
    assertRejected(
        () -> DepthDistribution.fromSamples(new int[] {1}, 0, 1),
        "N must be between 1 and 1048576, got 0");
    assertRejected(
        () -> DepthDistribution.fromSamples(new int[] {1}, (1 << 20) + 1, 1),
        "N must be between 1 and 1048576, got 1048577");
    assertRejected(
        () -> DepthDistribution.fromSamples(new int[] {1}, 10, 0),
        "binSize must be between 1 and N = 10, got 0");
    assertRejected(
        () -> DepthDistribution.fromSamples(new int[] {1}, 10, 11),
        "binSize must be between 1 and N = 10, got 11");
    assertRejected(
        () -> DepthDistribution.fromHistogram(new double[3], 10, 4),
        "histogram has 3 bins but N / binSize = 10 / 4 allows at most 2");
  }

  @Test
  void rejectsBadWeights() {
    assertRejected(
        () -> DepthDistribution.fromHistogram(new double[0], 10, 1), "histogram is empty");
    assertRejected(
        () -> DepthDistribution.fromHistogram(new double[] {1, -1}, 10, 1),
        "histogram[1] = -1.0 is not a finite, non-negative weight");
    assertRejected(
        () -> DepthDistribution.fromHistogram(new double[] {Double.NaN}, 10, 1),
        "histogram[0] = NaN is not a finite, non-negative weight");
    assertRejected(
        () -> DepthDistribution.ofWeights(new double[] {1, Double.POSITIVE_INFINITY}, 1),
        "weights[1] = Infinity is not a finite, non-negative weight");
    assertRejected(
        () -> DepthDistribution.fromHistogram(new double[] {0, 0}, 10, 1),
        "histogram has no positive weight");
    assertRejected(
        () -> DepthDistribution.ofWeights(new double[] {Double.MAX_VALUE, Double.MAX_VALUE}, 1),
        "the total weight of weights overflows a double");
  }

  @Test
  void rejectsBadSamples() {
    assertRejected(() -> DepthDistribution.fromSamples(new int[0], 10, 1), "samples is empty");
    assertRejected(
        () -> DepthDistribution.fromSamples(new int[] {4, 0}, 10, 1),
        "samples[1] = 0 is outside 1..N = 1..10");
    assertRejected(
        () -> DepthDistribution.fromSamples(new int[] {11}, 10, 1),
        "samples[0] = 11 is outside 1..N = 1..10");
  }

  @Test
  void requiresExactlyOneOfHistogramAndSamples() {
    assertRejected(
        () -> DepthDistribution.of(null, null, 10, 1),
        "give either histogram or samples; got neither");
    assertRejected(
        () -> DepthDistribution.of(new double[] {1}, new int[] {1}, 10, 1),
        "give either histogram or samples, not both");
  }

  private static void assertSamePrefixSums(DepthDistribution actual, DepthDistribution expected) {
    assertThat(actual.maxDepth()).isEqualTo(expected.maxDepth());
    for (int t = 0; t <= expected.maxDepth(); t++) {
      assertThat(actual.cumulativeWeight(t))
          .as("P(%d)", t)
          .isEqualTo(expected.cumulativeWeight(t));
      assertThat(actual.cumulativeDepthWeight(t))
          .as("T(%d)", t)
          .isEqualTo(expected.cumulativeDepthWeight(t));
    }
  }

  private static void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
