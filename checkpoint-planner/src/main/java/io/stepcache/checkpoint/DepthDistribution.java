package io.stepcache.checkpoint;

import java.util.Objects;

/**
 * Weights of overlap depths 1..N (need not sum to 1), kept as prefix sums {@code P(j) = sum_{t<=j}
 * w_t} and {@code T(j) = sum_{t<=j} t w_t}, plus the bin size that fixes where checkpoints may go.
 *
 * <p><b>Candidate positions.</b> Checkpoints may only be placed at bin edges {@code binSize, 2
 * binSize, ..., K binSize} with {@code K = N / binSize} (integer division); with {@code binSize =
 * 1} every depth is a candidate.
 *
 * <p><b>Histograms are spread.</b> Bin k (0-based) covers depths {@code (k binSize, (k+1)
 * binSize]}; its weight is spread evenly over those depths: each of them gets weight {@code w_k}.
 * (The even share would be {@code w_k / binSize}; the common factor cancels in every normalised
 * cost, and keeping it out keeps integer histograms exact.) A request in bin k therefore costs, on
 * average, the distance from the bin's depths to the deepest checkpoint at or below each of them,
 * which is what {@link CostModel} charges for any placement, on the grid or off it. Raw samples are
 * not spread: each adds weight 1 at its exact depth.
 *
 * <p>Instances are immutable. N is capped at {@link #MAX_DEPTH}.
 */
public final class DepthDistribution {

  /** The largest N accepted. */
  public static final int MAX_DEPTH = 1 << 20;

  private final int binSize;
  private final double[] cumulativeWeight;
  private final double[] cumulativeDepthWeight;

  private DepthDistribution(String source, double[] depthWeights, int binSize) {
    this.binSize = binSize;
    int n = depthWeights.length - 1;
    cumulativeWeight = new double[n + 1];
    cumulativeDepthWeight = new double[n + 1];
    for (int t = 1; t <= n; t++) {
      cumulativeWeight[t] = cumulativeWeight[t - 1] + depthWeights[t];
      cumulativeDepthWeight[t] = cumulativeDepthWeight[t - 1] + t * depthWeights[t];
    }
    if (!Double.isFinite(cumulativeDepthWeight[n])) {
      throw new IllegalArgumentException("the total weight of " + source + " overflows a double");
    }
    if (cumulativeWeight[n] == 0) {
      throw new IllegalArgumentException(source + " has no positive weight");
    }
  }

  /**
   * The form of the HTTP request: exactly one of {@code histogram} and {@code samples} is non-null.
   *
   * @see #fromHistogram(double[], int, int)
   * @see #fromSamples(int[], int, int)
   */
  public static DepthDistribution of(double[] histogram, int[] samples, int maxDepth, int binSize) {
    if (histogram == null && samples == null) {
      throw new IllegalArgumentException("give either histogram or samples; got neither");
    }
    if (histogram != null && samples != null) {
      throw new IllegalArgumentException("give either histogram or samples, not both");
    }
    return histogram != null
        ? fromHistogram(histogram, maxDepth, binSize)
        : fromSamples(samples, maxDepth, binSize);
  }

  /**
   * Bin k of {@code histogram} covers depths {@code (k binSize, (k+1) binSize]}, so it may have at
   * most {@code N / binSize} bins; weights must be finite and non-negative, and not all zero.
   */
  public static DepthDistribution fromHistogram(double[] histogram, int maxDepth, int binSize) {
    checkShape(maxDepth, binSize);
    Objects.requireNonNull(histogram, "histogram");
    int bins = maxDepth / binSize;
    if (histogram.length == 0) {
      throw new IllegalArgumentException("histogram is empty");
    }
    if (histogram.length > bins) {
      throw new IllegalArgumentException(
          String.format(
              "histogram has %d bins but N / binSize = %d / %d allows at most %d",
              histogram.length, maxDepth, binSize, bins));
    }
    double[] weights = new double[maxDepth + 1];
    for (int k = 0; k < histogram.length; k++) {
      checkWeight("histogram", k, histogram[k]);
      for (int t = k * binSize + 1; t <= (k + 1) * binSize; t++) {
        weights[t] = histogram[k];
      }
    }
    return new DepthDistribution("histogram", weights, binSize);
  }

  /** Each sample is an observed overlap depth in 1..N and adds weight 1 at that depth. */
  public static DepthDistribution fromSamples(int[] samples, int maxDepth, int binSize) {
    checkShape(maxDepth, binSize);
    Objects.requireNonNull(samples, "samples");
    if (samples.length == 0) {
      throw new IllegalArgumentException("samples is empty");
    }
    double[] weights = new double[maxDepth + 1];
    for (int i = 0; i < samples.length; i++) {
      int depth = samples[i];
      if (depth < 1 || depth > maxDepth) {
        throw new IllegalArgumentException(
            String.format("samples[%d] = %d is outside 1..N = 1..%d", i, depth, maxDepth));
      }
      weights[depth]++;
    }
    return new DepthDistribution("samples", weights, binSize);
  }

  /** {@code weights[t - 1]} is the weight of depth t, so N is {@code weights.length}. */
  public static DepthDistribution ofWeights(double[] weights, int binSize) {
    Objects.requireNonNull(weights, "weights");
    checkShape(weights.length, binSize);
    double[] byDepth = new double[weights.length + 1];
    for (int i = 0; i < weights.length; i++) {
      checkWeight("weights", i, weights[i]);
      byDepth[i + 1] = weights[i];
    }
    return new DepthDistribution("weights", byDepth, binSize);
  }

  static void checkShape(int maxDepth, int binSize) {
    if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          String.format("N must be between 1 and %d, got %d", MAX_DEPTH, maxDepth));
    }
    if (binSize < 1 || binSize > maxDepth) {
      throw new IllegalArgumentException(
          String.format("binSize must be between 1 and N = %d, got %d", maxDepth, binSize));
    }
  }

  private static void checkWeight(String field, int index, double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          String.format("%s[%d] = %s is not a finite, non-negative weight", field, index, weight));
    }
  }

  /** N, the deepest depth that carries weight. */
  public int maxDepth() {
    return cumulativeWeight.length - 1;
  }

  /** The spacing of candidate checkpoint positions. */
  public int binSize() {
    return binSize;
  }

  /** K = N / binSize, the number of candidate positions {@code binSize, ..., K binSize}. */
  public int candidateCount() {
    return maxDepth() / binSize;
  }

  /** {@code P(depth)}, the weight of depths 1..depth; {@code depth} in 0..N. */
  public double cumulativeWeight(int depth) {
    return cumulativeWeight[depth];
  }

  /** {@code T(depth)}, the sum of {@code t w_t} over depths 1..depth; {@code depth} in 0..N. */
  public double cumulativeDepthWeight(int depth) {
    return cumulativeDepthWeight[depth];
  }

  /** {@code P(N)}. */
  public double totalWeight() {
    return cumulativeWeight[maxDepth()];
  }

  /**
   * The weighted recompute of the depths {@code from..to} when they resume from a checkpoint at
   * {@code from} (0 meaning no checkpoint: depth t then costs t): {@code sum_{from<=t<=to} w_t (t -
   * from)}, not normalised. Requires {@code 0 <= from <= to + 1} and {@code to <= N}.
   */
  public double weightedRecompute(int from, int to) {
    int before = Math.max(from, 1) - 1;
    return cumulativeDepthWeight[to]
        - cumulativeDepthWeight[before]
        - from * (cumulativeWeight[to] - cumulativeWeight[before]);
  }
}
