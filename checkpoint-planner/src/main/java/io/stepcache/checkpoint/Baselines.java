package io.stepcache.checkpoint;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The paper's fixed placements, for comparison with {@link CheckpointPlanner}. Each lays its
 * positions over 1..N, moves each down to the bin grid (a multiple of binSize; 0 is dropped, as are
 * repeats), and keeps the first {@code budget}, so every baseline competes under the planner's
 * constraints. Score them with {@link CostModel#cost(DepthDistribution, List)}.
 */
public final class Baselines {

  private Baselines() {}

  /** "block": every {@code blockSize} positions, {@code blockSize, 2 blockSize, ...}. */
  public static List<Integer> block(DepthDistribution dist, int blockSize, int budget) {
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be at least 1, got " + blockSize);
    }
    return onGrid(
        dist, IntStream.iterate(blockSize, p -> p <= dist.maxDepth(), p -> p + blockSize), budget);
  }

  /**
   * "balanced": {@code n = min(budget, K)} positions evenly spaced, {@code floor(i N / (n + 1))}
   * for i = 1..n.
   */
  public static List<Integer> balanced(DepthDistribution dist, int budget) {
    int n = Math.min(checkBudget(budget), dist.candidateCount());
    long depth = dist.maxDepth();
    return onGrid(
        dist, LongStream.rangeClosed(1, n).mapToInt(i -> (int) (i * depth / (n + 1))), budget);
  }

  /** "sqrt": every {@code floor(sqrt(N))} positions. */
  public static List<Integer> sqrtSpacing(DepthDistribution dist, int budget) {
    return block(dist, (int) Math.sqrt(dist.maxDepth()), budget);
  }

  /** "powers of two": 1, 2, 4, ... up to N. */
  public static List<Integer> powersOfTwo(DepthDistribution dist, int budget) {
    return onGrid(dist, IntStream.iterate(1, p -> p <= dist.maxDepth(), p -> p * 2), budget);
  }

  private static List<Integer> onGrid(DepthDistribution dist, IntStream ascending, int budget) {
    int grid = dist.binSize();
    return ascending
        .map(p -> p / grid * grid)
        .filter(p -> p > 0)
        .distinct()
        .limit(checkBudget(budget))
        .boxed()
        .toList();
  }

  private static int checkBudget(int budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("M must be at least 0, got " + budget);
    }
    return budget;
  }
}
