package io.stepcache.checkpoint;

import io.stepcache.checkpoint.internal.PlacementDp;
import java.util.Objects;

/**
 * Optimal checkpoint placement: at most M checkpoints at candidate positions (bin edges) that
 * minimise {@link CostModel}'s expected recompute, by the exact dynamic program of the paper in
 * O(K M) time after O(N) preprocessing, K = N / binSize (monotone convex-hull trick; see {@link
 * PlacementDp}). A budget above K is treated as K, and when fewer checkpoints reach the optimum,
 * fewer are returned, so more budget never costs more.
 *
 * <p>The table holds (min(M, K) - 1) x (K + 1) backpointers; it may have at most {@link
 * #MAX_TABLE_CELLS} of them.
 */
public final class CheckpointPlanner {

  /** The most backpointers a solve may allocate (64 MiB of ints). */
  public static final long MAX_TABLE_CELLS = 1L << 24;

  private CheckpointPlanner() {}

  /** The optimal placement of at most {@code budget} checkpoints for depths 1..N. */
  public static Plan plan(DepthDistribution dist, int budget) {
    return solve(dist, budget).plan();
  }

  /**
   * Solves once for all request lengths; see {@link PlacementTable#planForLength(int)}.
   *
   * @throws IllegalArgumentException when {@code budget < 0} or the table would be too large
   */
  public static PlacementTable solve(DepthDistribution dist, int budget) {
    Objects.requireNonNull(dist, "dist");
    checkBudget(dist.candidateCount(), budget);
    return PlacementDp.solve(dist, Math.min(budget, dist.candidateCount()));
  }

  static void checkBudget(int candidates, int budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("M must be at least 0, got " + budget);
    }
    long cells = (long) Math.max(Math.min(budget, candidates) - 1, 0) * (candidates + 1);
    if (cells > MAX_TABLE_CELLS) {
      throw new IllegalArgumentException(
          String.format(
              "N / binSize = %d candidates with M = %d needs %d table cells, more than %d;"
                  + " use a larger binSize or a smaller M",
              candidates, budget, cells, MAX_TABLE_CELLS));
    }
  }
}
