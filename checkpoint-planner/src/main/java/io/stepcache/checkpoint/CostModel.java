package io.stepcache.checkpoint;

import java.util.List;

/**
 * The objective: {@code cost(C) = sum_t p_t (t - max{c in C : c <= t})} (a depth with no
 * checkpoint at or below it costs t), with {@code p} the distribution's weights normalised over the
 * depths considered. The planner, the baselines and the tests all score placements here. Positions
 * may lie anywhere in 1..N, on the bin grid or not; each call is O(|positions|).
 */
public final class CostModel {

  private CostModel() {}

  /** The expected recompute of {@code positions} over depths 1..N. */
  public static double cost(DepthDistribution dist, List<Integer> positions) {
    return cost(dist, positions, dist.maxDepth());
  }

  /**
   * The expected recompute of {@code positions} for a request of length {@code length}: depths
   * beyond it are dropped and the rest renormalised (0 when they carry no weight).
   */
  public static double cost(DepthDistribution dist, List<Integer> positions, int length) {
    double weight = dist.cumulativeWeight(checkLength(dist, length));
    return weight == 0 ? 0 : weightedCost(dist, positions, length) / weight;
  }

  /** {@link #evaluate(DepthDistribution, List, int)} over depths 1..N. */
  public static Plan evaluate(DepthDistribution dist, List<Integer> positions) {
    return evaluate(dist, positions, dist.maxDepth());
  }

  /**
   * {@code positions} with their cost, the cost of no checkpoints and the savings, for a request
   * of length {@code length}.
   */
  public static Plan evaluate(DepthDistribution dist, List<Integer> positions, int length) {
    double weight = dist.cumulativeWeight(checkLength(dist, length));
    if (weight == 0) {
      return new Plan(positions, 0, 0, 0);
    }
    double cost = weightedCost(dist, positions, length);
    double baseline = dist.cumulativeDepthWeight(length);
    return new Plan(positions, cost / weight, baseline / weight, 1 - cost / baseline);
  }

  private static double weightedCost(DepthDistribution dist, List<Integer> positions, int length) {
    double cost = 0;
    int last = 0;
    int resumeFrom = 0;
    for (int position : positions) {
      if (position <= last || position > dist.maxDepth()) {
        throw new IllegalArgumentException(
            "positions must be ascending, distinct and within 1..N = 1.."
                + dist.maxDepth()
                + ", got "
                + positions);
      }
      last = position;
      if (position <= length) {
        cost += dist.weightedRecompute(resumeFrom, position - 1);
        resumeFrom = position;
      }
    }
    return Math.max(0, cost + dist.weightedRecompute(resumeFrom, length));
  }

  private static int checkLength(DepthDistribution dist, int length) {
    if (length < 1 || length > dist.maxDepth()) {
      throw new IllegalArgumentException(
          "length must be between 1 and N = " + dist.maxDepth() + ", got " + length);
    }
    return length;
  }
}
