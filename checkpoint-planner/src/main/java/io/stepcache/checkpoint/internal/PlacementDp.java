package io.stepcache.checkpoint.internal;

import io.stepcache.checkpoint.CostModel;
import io.stepcache.checkpoint.DepthDistribution;
import io.stepcache.checkpoint.PlacementTable;
import io.stepcache.checkpoint.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The exact dynamic program over candidate positions {@code c_i = i binSize}, i = 1..K.
 *
 * <p>Block i holds the depths that resume from {@code c_i} when it is the deepest checkpoint used:
 * {@code c_i .. end(i)} with {@code end(i) = c_{i+1} - 1} ({@code end(K) = N}, {@code end(0) =
 * c_1 - 1}). {@code dp[m][i]} is the least weighted recompute of depths {@code 1..end(i)} with at
 * most m checkpoints among {@code c_1..c_i}:
 *
 * <pre>
 * dp[0][i] = T(end(i))
 * dp[m][i] = min( dp[m-1][i],
 *                 T(end(i)) + min_{1<=s<=i} ( -c_s P(end(i))
 *                                             + dp[m-1][s-1] - T(c_s - 1) + c_s P(c_s - 1) ) )
 * </pre>
 *
 * With binSize 1 this is the design's recurrence. The inner minimum is a {@link LowerEnvelope} of
 * lines with slopes {@code -c_s} (added in decreasing order) queried at {@code P(end(i))}
 * (non-decreasing), so each layer is O(K). Layers 1..M-1 are tabulated with backpointers; the last
 * layer is evaluated at read-out time for the requested length, by one O(K) scan, so a request of
 * any length gets the optimum of its own truncated problem from the same table.
 *
 * <p>The {@code dp[m-1][i]} branch wins ties, which keeps rows monotone in m even in floating
 * point; a final pass drops checkpoints whose depth range carries no weight, so when fewer than M
 * checkpoints reach the optimum, fewer are returned.
 */
public final class PlacementDp implements PlacementTable {

  private final DepthDistribution dist;
  private final int budget;
  private final double[] lastRow;
  private final int[][] backpointers;

  private PlacementDp(
      DepthDistribution dist, int budget, double[] lastRow, int[][] backpointers) {
    this.dist = dist;
    this.budget = budget;
    this.lastRow = lastRow;
    this.backpointers = backpointers;
  }

  /**
   * Tabulates layers 0..budget-1. {@code budget} must be in {@code 0..K}; larger budgets buy
   * nothing, and the caller bounds the table size.
   */
  public static PlacementDp solve(DepthDistribution dist, int budget) {
    int k = dist.candidateCount();
    double[] row = new double[k + 1];
    for (int i = 0; i <= k; i++) {
      row[i] = dist.cumulativeDepthWeight(blockEnd(dist, i));
    }
    int[][] backpointers = new int[Math.max(budget - 1, 0)][];
    LowerEnvelope envelope = new LowerEnvelope(k);
    for (int m = 1; m < budget; m++) {
      backpointers[m - 1] = new int[k + 1];
      row = nextLayer(dist, row, envelope, backpointers[m - 1]);
    }
    return new PlacementDp(dist, budget, row, backpointers);
  }

  /** Fills {@code back[i]} with the chosen s, or 0 when the layer adds no checkpoint. */
  private static double[] nextLayer(
      DepthDistribution dist, double[] previous, LowerEnvelope envelope, int[] back) {
    int k = previous.length - 1;
    double[] row = new double[k + 1];
    row[0] = previous[0];
    envelope.clear();
    for (int i = 1; i <= k; i++) {
      int c = i * dist.binSize();
      envelope.add(
          -c,
          previous[i - 1] - dist.cumulativeDepthWeight(c - 1) + c * dist.cumulativeWeight(c - 1),
          i);
      int end = blockEnd(dist, i);
      double withCheckpoint =
          envelope.minAt(dist.cumulativeWeight(end)) + dist.cumulativeDepthWeight(end);
      if (previous[i] <= withCheckpoint) {
        row[i] = previous[i];
      } else {
        row[i] = withCheckpoint;
        back[i] = envelope.argMin();
      }
    }
    return row;
  }

  private static int blockEnd(DepthDistribution dist, int block) {
    return block == dist.candidateCount()
        ? dist.maxDepth()
        : (block + 1) * dist.binSize() - 1;
  }

  @Override
  public Plan plan() {
    return planForLength(dist.maxDepth());
  }

  @Override
  public Plan planForLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length must be at least 1, got " + length);
    }
    int depth = Math.min(length, dist.maxDepth());
    List<Integer> positions = new ArrayList<>();
    if (budget > 0) {
      int last = lastCheckpoint(depth);
      if (last > 0) {
        positions.add(last * dist.binSize());
        backtrack(budget - 1, last - 1, positions);
      }
    }
    Collections.reverse(positions);
    return CostModel.evaluate(dist, withoutIdle(positions, depth), depth);
  }

  /** The last layer at {@code depth}: the block index of the deepest checkpoint, 0 for none. */
  private int lastCheckpoint(int depth) {
    double best = dist.weightedRecompute(0, depth);
    int bestBlock = 0;
    for (int s = 1; s <= depth / dist.binSize(); s++) {
      double cost = lastRow[s - 1] + dist.weightedRecompute(s * dist.binSize(), depth);
      if (cost < best) {
        best = cost;
        bestBlock = s;
      }
    }
    return bestBlock;
  }

  /** Appends, deepest first, the checkpoints of {@code dp[layer][block]}. */
  private void backtrack(int layer, int block, List<Integer> positions) {
    for (int m = layer, i = block; m > 0 && i > 0; m--) {
      int s = backpointers[m - 1][i];
      if (s > 0) {
        positions.add(s * dist.binSize());
        i = s - 1;
      }
    }
  }

  /** Drops checkpoints that no weighted depth resumes from; the cost does not change. */
  private List<Integer> withoutIdle(List<Integer> positions, int depth) {
    List<Integer> kept = new ArrayList<>(positions.size());
    for (int j = 0; j < positions.size(); j++) {
      int from = positions.get(j);
      int to = j + 1 < positions.size() ? positions.get(j + 1) - 1 : depth;
      if (dist.cumulativeWeight(to) > dist.cumulativeWeight(from - 1)) {
        kept.add(from);
      }
    }
    return kept;
  }
}
