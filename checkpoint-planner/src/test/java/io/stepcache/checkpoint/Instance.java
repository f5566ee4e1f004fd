package io.stepcache.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random planning instance with its per-depth weights kept aside, so tests can score placements
 * without going through {@link DepthDistribution}'s prefix sums.
 *
 * @param weights weight of depth t at index t (index 0 unused)
 * @param dist the same weights as a distribution
 * @param integral whether every weight is an integer (all arithmetic is then exact)
 */
record Instance(double[] weights, DepthDistribution dist, boolean integral) {

  /** One of four kinds: integer or real per-depth weights, a spread histogram, raw samples. */
  static Instance random(SplittableRandom random, int maxDepth, int binSize) {
    while (true) {
      Instance instance =
          switch (random.nextInt(4)) {
            case 0 -> ofWeights(integerWeights(random, maxDepth), binSize, true);
            case 1 -> ofWeights(realWeights(random, maxDepth), binSize, false);
            case 2 -> histogram(random, maxDepth, binSize);
            default -> samples(random, maxDepth, binSize);
          };
      if (instance != null) {
        return instance;
      }
    }
  }

  /** Integer weights 0..4, about a third of them 0; null if all are 0. */
  static Instance randomIntegral(SplittableRandom random, int maxDepth, int binSize) {
    return ofWeights(integerWeights(random, maxDepth), binSize, true);
  }

  private static double[] integerWeights(SplittableRandom random, int maxDepth) {
    double[] weights = new double[maxDepth];
    for (int i = 0; i < maxDepth; i++) {
      weights[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(1, 5);
    }
    return weights;
  }

  private static double[] realWeights(SplittableRandom random, int maxDepth) {
    double[] weights = new double[maxDepth];
    for (int i = 0; i < maxDepth; i++) {
      weights[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
    }
    return weights;
  }

  private static Instance ofWeights(double[] weights, int binSize, boolean integral) {
    if (Arrays.stream(weights).allMatch(w -> w == 0)) {
      return null;
    }
    double[] byDepth = new double[weights.length + 1];
    System.arraycopy(weights, 0, byDepth, 1, weights.length);
    return new Instance(byDepth, DepthDistribution.ofWeights(weights, binSize), integral);
  }

  private static Instance histogram(SplittableRandom random, int maxDepth, int binSize) {
    double[] histogram = integerWeights(random, random.nextInt(1, maxDepth / binSize + 1));
    if (Arrays.stream(histogram).allMatch(w -> w == 0)) {
      return null;
    }
    double[] byDepth = new double[maxDepth + 1];
    for (int t = 1; t <= histogram.length * binSize; t++) {
      byDepth[t] = histogram[(t - 1) / binSize];
    }
    DepthDistribution dist = DepthDistribution.fromHistogram(histogram, maxDepth, binSize);
    return new Instance(byDepth, dist, true);
  }

  private static Instance samples(SplittableRandom random, int maxDepth, int binSize) {
    int[] samples = random.ints(random.nextInt(1, 20), 1, maxDepth + 1).toArray();
    double[] byDepth = new double[maxDepth + 1];
    for (int depth : samples) {
      byDepth[depth]++;
    }
    return new Instance(byDepth, DepthDistribution.fromSamples(samples, maxDepth, binSize), true);
  }

  int maxDepth() {
    return weights.length - 1;
  }

  /** {@code sum_{t<=length} w_t (t - deepest checkpoint <= t)}, depth by depth. */
  double naiveCost(List<Integer> positions, int length) {
    double cost = 0;
    for (int t = 1; t <= length; t++) {
      int resume = 0;
      for (int position : positions) {
        if (position <= t) {
          resume = Math.max(resume, position);
        }
      }
      cost += weights[t] * (t - resume);
    }
    return cost;
  }

  double weightUpTo(int length) {
    double total = 0;
    for (int t = 1; t <= length; t++) {
      total += weights[t];
    }
    return total;
  }

  /** The best subset of at most {@code budget} bin edges up to {@code length}, by enumeration. */
  BruteForce bruteForce(int budget, int length) {
    List<Integer> candidates = new ArrayList<>();
    for (int c = dist.binSize(); c <= length; c += dist.binSize()) {
      candidates.add(c);
    }
    BruteForce best = null;
    for (int mask = 0; mask < 1 << candidates.size(); mask++) {
      if (Integer.bitCount(mask) > budget) {
        continue;
      }
      List<Integer> subset = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        if ((mask & 1 << i) != 0) {
          subset.add(candidates.get(i));
        }
      }
      double cost = naiveCost(subset, length);
      if (best == null
          || cost < best.cost()
          || cost == best.cost() && subset.size() < best.fewestCheckpoints()) {
        best = new BruteForce(cost, subset.size());
      }
    }
    return best;
  }

  /** The optimum and the fewest checkpoints that reach it exactly. */
  record BruteForce(double cost, int fewestCheckpoints) {}
}
