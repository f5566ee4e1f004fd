package io.stepcache.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckpointPlannerTest {

  private static final int[] BIN_SIZES = {1, 1, 1, 2, 3};

  @Test
  void equalsBruteForceOnRandomSmallInstances() {
    SplittableRandom random = new SplittableRandom(20260517);
    int integral = 0;
    for (int run = 0; run < 3000; run++) {
      int n = random.nextInt(1, 13);
      int binSize = Math.min(n, BIN_SIZES[random.nextInt(BIN_SIZES.length)]);
      int budget = random.nextInt(0, 5);
      Instance instance = Instance.random(random, n, binSize);
      PlacementTable table = CheckpointPlanner.solve(instance.dist(), budget);
      String context =
          String.format(
              "run %d, M = %d, binSize = %d, weights %s",
              run, budget, binSize, Arrays.toString(instance.weights()));

      assertMatchesBruteForce(instance, budget, n, table.plan(), context);
      int length = random.nextInt(1, n + 1);
      assertMatchesBruteForce(
          instance, budget, length, table.planForLength(length), context + ", L = " + length);
      integral += instance.integral() ? 1 : 0;
    }
    assertThat(integral).isGreaterThan(2000);
  }

  private static void assertMatchesBruteForce(
      Instance instance, int budget, int length, Plan plan, String context) {
    Instance.BruteForce best = instance.bruteForce(budget, length);
    double cost = instance.naiveCost(plan.positions(), length);
    assertThat(plan.positions())
        .as(context)
        .isSorted()
        .doesNotHaveDuplicates()
        .hasSizeLessThanOrEqualTo(budget)
        .allMatch(p -> p % instance.dist().binSize() == 0 && p >= 1 && p <= length);
    double weight = instance.weightUpTo(length);
    if (instance.integral()) {
      assertThat(cost).as(context).isEqualTo(best.cost());
      assertThat(plan.positions()).as(context).hasSize(best.fewestCheckpoints());
    } else {
      assertThat(cost).as(context).isCloseTo(best.cost(), within(1e-12 * (1 + best.cost())));
    }
    if (weight > 0) {
      assertThat(plan.expectedCost()).as(context).isCloseTo(cost / weight, within(1e-12));
      double baseline = instance.naiveCost(List.of(), length);
      assertThat(plan.savings()).as(context).isCloseTo(1 - cost / baseline, within(1e-12));
    } else {
      assertThat(plan).as(context).isEqualTo(new Plan(List.of(), 0, 0, 0));
    }
  }

  /**
   * Uniform weights on 1..N, bin size b. With no checkpoints the cost is (N + 1) / 2. Exactly:
   *
   * <ul>
   *   <li>if (M + 1) divides N / b, the balanced positions {@code i N / (M + 1)} are optimal (the
   *       only optimum when b >= 2), the cost is {@code (N - M + 1) / (2 (M + 1))} and the savings
   *       {@code M (N + 2) / ((M + 1) (N + 1))};
   *   <li>if b = 1 and (M + 1) divides N + 1, the positions {@code i (N + 1) / (M + 1)} are the
   *       only optimum, the savings {@code M (N + 1) / ((M + 1) N)}.
   * </ul>
   *
   * Both exceed the continuous M / (M + 1) by less than 1 / N: the paper's figure is the limit.
   */
  @Test
  void balancedIsOptimalForUniformDepths() {
    int[][] cases = { // N, M, b
      {12, 2, 1}, {1000, 4, 1}, {8192, 7, 1}, {120, 5, 4}, {8192, 7, 64}, {8192, 3, 64},
      {131072, 63, 64}, {600, 2, 2}
    };
    for (int[] c : cases) {
      int n = c[0];
      int m = c[1];
      DepthDistribution uniform = uniform(n, c[2]);
      Plan plan = CheckpointPlanner.plan(uniform, m);
      List<Integer> balanced = Baselines.balanced(uniform, m);
      String context = Arrays.toString(c);

      assertThat(balanced).as(context).isEqualTo(multiples(n / (m + 1), m));
      assertThat(plan.expectedCost())
          .as(context)
          .isEqualTo(CostModel.cost(uniform, balanced))
          .isCloseTo((n - m + 1) / (2.0 * (m + 1)), within(1e-9));
      assertThat(plan.savings())
          .as(context)
          .isCloseTo(m * (n + 2.0) / ((m + 1.0) * (n + 1)), within(1e-12))
          .isCloseTo(m / (m + 1.0), within(1.0 / n));
      if (c[2] >= 2) {
        assertThat(plan.positions()).as(context).isEqualTo(balanced);
      }
    }
  }

  @Test
  void equalSegmentsAreTheOnlyOptimumWhenMPlusOneDividesNPlusOne() {
    int[][] cases = {{11, 2}, {999, 4}, {8191, 7}, {4095, 63}};
    for (int[] c : cases) {
      int n = c[0];
      int m = c[1];
      Plan plan = CheckpointPlanner.plan(uniform(n, 1), m);
      assertThat(plan.positions()).isEqualTo(multiples((n + 1) / (m + 1), m));
      assertThat(plan.savings())
          .isCloseTo(m * (n + 1.0) / ((m + 1.0) * n), within(1e-12))
          .isCloseTo(m / (m + 1.0), within(1.0 / n));
    }
  }

  @Test
  void moreBudgetNeverCostsMore() {
    SplittableRandom random = new SplittableRandom(7);
    for (int run = 0; run < 300; run++) {
      int n = random.nextInt(1, 300);
      int binSize = Math.min(n, random.nextBoolean() ? 1 : 5);
      Instance instance = Instance.random(random, n, binSize);
      double previous = Double.POSITIVE_INFINITY;
      for (int m = 0; m <= 12; m++) {
        Plan plan = CheckpointPlanner.plan(instance.dist(), m);
        double slack = instance.integral() ? 0 : 1e-12 * previous;
        assertThat(plan.positions()).hasSizeLessThanOrEqualTo(m);
        assertThat(plan.expectedCost())
            .as("run %d, M = %d", run, m)
            .isLessThanOrEqualTo(previous + slack);
        previous = plan.expectedCost();
      }
    }
  }

  @Test
  void returnsFewerCheckpointsWhenFewerSuffice() {
    double[] weights = new double[100];
    weights[9] = 3;
    weights[59] = 1;
    Plan plan = CheckpointPlanner.plan(DepthDistribution.ofWeights(weights, 1), 8);
    assertThat(plan.positions()).containsExactly(10, 60);
    assertThat(plan.expectedCost()).isZero();
    assertThat(plan.savings()).isEqualTo(1.0);
    assertThat(CheckpointPlanner.plan(DepthDistribution.ofWeights(weights, 1), 1_000_000))
        .isEqualTo(plan);
  }

  /** Rounding can make an idle checkpoint look useful by an ulp; none may be returned. */
  @Test
  void neverReturnsIdleCheckpointsDespiteRounding() {
    SplittableRandom random = new SplittableRandom(13);
    for (int run = 0; run < 3000; run++) {
      int n = random.nextInt(1, 60);
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        weights[i] = random.nextBoolean() ? 0 : 0.1 * random.nextInt(1, 30);
      }
      if (Arrays.stream(weights).allMatch(w -> w == 0)) {
        continue;
      }
      List<Integer> positions =
          CheckpointPlanner.plan(DepthDistribution.ofWeights(weights, 1), random.nextInt(1, 8))
              .positions();
      for (int j = 0; j < positions.size(); j++) {
        int to = j + 1 < positions.size() ? positions.get(j + 1) - 1 : n;
        assertThat(Arrays.stream(weights, positions.get(j) - 1, to).sum())
            .as("run %d: weight resuming from %d in %s", run, positions.get(j), positions)
            .isPositive();
      }
    }
  }

  @Test
  void readOutPerLengthEqualsSolvingTheTruncatedProblem() {
    SplittableRandom random = new SplittableRandom(11);
    for (int run = 0; run < 60; run++) {
      int n = random.nextInt(1, 300);
      int binSize = Math.min(n, new int[] {1, 3, 8}[random.nextInt(3)]);
      int budget = random.nextInt(0, 7);
      Instance instance = Instance.random(random, n, binSize);
      PlacementTable table = CheckpointPlanner.solve(instance.dist(), budget);
      for (int length = 1; length <= n; length++) {
        Plan readOut = table.planForLength(length);
        if (length < binSize || instance.weightUpTo(length) == 0) {
          assertThat(readOut.positions()).isEmpty();
          continue;
        }
        double[] prefix = Arrays.copyOfRange(instance.weights(), 1, length + 1);
        Plan truncated =
            CheckpointPlanner.plan(DepthDistribution.ofWeights(prefix, binSize), budget);
        assertThat(readOut).as("run %d, L = %d", run, length).isEqualTo(truncated);
      }
      assertThat(table.planForLength(n + 100)).isEqualTo(table.plan());
    }
  }

  @Test
  void rejectsBadBudgetsAndLengths() {
    DepthDistribution dist = uniform(100, 1);
    assertThatThrownBy(() -> CheckpointPlanner.plan(dist, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("M must be at least 0, got -1");
    assertThatThrownBy(() -> CheckpointPlanner.solve(dist, 3).planForLength(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must be at least 1, got 0");
    DepthDistribution deep = uniform(DepthDistribution.MAX_DEPTH, 1);
    assertThatThrownBy(() -> CheckpointPlanner.solve(deep, 64))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1048576 candidates with M = 64")
        .hasMessageContaining("use a larger binSize or a smaller M");
  }

  @Test
  void zeroBudgetCostsTheMeanDepth() {
    Plan plan = CheckpointPlanner.plan(uniform(9, 1), 0);
    assertThat(plan).isEqualTo(new Plan(List.of(), 5, 5, 0));
  }

  static DepthDistribution uniform(int n, int binSize) {
    double[] weights = new double[n];
    Arrays.fill(weights, 1);
    return DepthDistribution.ofWeights(weights, binSize);
  }

  private static List<Integer> multiples(int step, int count) {
    return IntStream.rangeClosed(1, count).map(i -> i * step).boxed().toList();
  }
}
