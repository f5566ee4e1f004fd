package io.stepcache.checkpoint;

import java.util.Arrays;
import java.util.Optional;

/**
 * Learns the depth distribution from observed overlap depths and keeps an optimal placement for
 * it, as the paper does online: a histogram of {@code N / binSize} bins (bin k covers depths
 * {@code (k binSize, (k+1) binSize]}); every observation first multiplies all counts by {@code
 * decay} and then adds 1 to its bin; every {@code resolveEvery}-th observation re-solves {@link
 * CheckpointPlanner} on the histogram. Depth 0 (nothing shared) counts as an observation but fills
 * no bin; depths above N count as N.
 *
 * <p>Thread-safe: observations are serialised (a re-solve runs inside {@link #observe(int)}, on
 * the observing thread); plans are read without locking from the last solve.
 */
public final class OnlineDepthEstimator {

  /** The paper's decay per observation. */
  public static final double DEFAULT_DECAY = 0.99;

  /** The paper's re-solve cadence, in observations. */
  public static final int DEFAULT_RESOLVE_EVERY = 10;

  private record Solution(PlacementTable table, Plan plan) {}

  private final int maxDepth;
  private final int binSize;
  private final int budget;
  private final double decay;
  private final int resolveEvery;
  private final double[] counts;
  private long observations;
  private volatile Solution solution;

  /** With the paper's defaults, {@link #DEFAULT_DECAY} and {@link #DEFAULT_RESOLVE_EVERY}. */
  public OnlineDepthEstimator(int maxDepth, int binSize, int budget) {
    this(maxDepth, binSize, budget, DEFAULT_DECAY, DEFAULT_RESOLVE_EVERY);
  }

  /**
   * @param maxDepth N, a multiple of {@code binSize}
   * @param binSize the histogram's bin width and the checkpoint grid
   * @param budget M
   * @param decay factor applied to all counts on every observation, in (0, 1]
   * @param resolveEvery observations between re-solves, at least 1
   */
  public OnlineDepthEstimator(
      int maxDepth, int binSize, int budget, double decay, int resolveEvery) {
    DepthDistribution.checkShape(maxDepth, binSize);
    if (maxDepth % binSize != 0) {
      throw new IllegalArgumentException(
          String.format("N = %d must be a multiple of binSize = %d", maxDepth, binSize));
    }
    CheckpointPlanner.checkBudget(maxDepth / binSize, budget);
    if (!(decay > 0 && decay <= 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1], got " + decay);
    }
    if (resolveEvery < 1) {
      throw new IllegalArgumentException("resolveEvery must be at least 1, got " + resolveEvery);
    }
    this.maxDepth = maxDepth;
    this.binSize = binSize;
    this.budget = budget;
    this.decay = decay;
    this.resolveEvery = resolveEvery;
    this.counts = new double[maxDepth / binSize];
  }

  /** Records one request's overlap depth (at least 0). */
  public synchronized void observe(int depth) {
    if (depth < 0) {
      throw new IllegalArgumentException("depth must be at least 0, got " + depth);
    }
    for (int k = 0; k < counts.length; k++) {
      counts[k] *= decay;
    }
    if (depth > 0) {
      counts[(Math.min(depth, maxDepth) - 1) / binSize] += 1;
    }
    observations++;
    if (observations % resolveEvery == 0) {
      resolve();
    }
  }

  private void resolve() {
    if (Arrays.stream(counts).noneMatch(count -> count > 0)) {
      return;
    }
    DepthDistribution dist = DepthDistribution.fromHistogram(counts, maxDepth, binSize);
    PlacementTable table = CheckpointPlanner.solve(dist, budget);
    solution = new Solution(table, table.plan());
  }

  /** The plan of the last solve; empty until a solve has seen a depth above 0. */
  public Optional<Plan> currentPlan() {
    Solution current = solution;
    return current == null ? Optional.empty() : Optional.of(current.plan());
  }

  /** The last solve's plan for a request of {@code length}; see {@link PlacementTable}. */
  public Optional<Plan> planForLength(int length) {
    Solution current = solution;
    return current == null ? Optional.empty() : Optional.of(current.table().planForLength(length));
  }

  /** A copy of the decayed counts, bin k at index k. */
  public synchronized double[] histogram() {
    return counts.clone();
  }

  /** How many depths have been observed. */
  public synchronized long observations() {
    return observations;
  }
}
