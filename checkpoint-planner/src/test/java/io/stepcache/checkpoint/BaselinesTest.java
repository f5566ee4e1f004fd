package io.stepcache.checkpoint;

import static io.stepcache.checkpoint.CheckpointPlannerTest.uniform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaselinesTest {

  @Test
  void layOutThePapersHeuristics() {
    DepthDistribution dist = uniform(100, 1);
    assertThat(Baselines.block(dist, 10, 3)).containsExactly(10, 20, 30);
    assertThat(Baselines.balanced(dist, 4)).containsExactly(20, 40, 60, 80);
    assertThat(Baselines.balanced(dist, 3)).containsExactly(25, 50, 75);
    assertThat(Baselines.sqrtSpacing(dist, 20))
        .containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100);
    assertThat(Baselines.powersOfTwo(dist, 100)).containsExactly(1, 2, 4, 8, 16, 32, 64);
    assertThat(Baselines.powersOfTwo(dist, 3)).containsExactly(1, 2, 4);
    assertThat(Baselines.block(dist, 10, 0)).isEmpty();
  }

  @Test
  void snapDownToTheBinGrid() {
    DepthDistribution dist = uniform(256, 16);
    assertThat(Baselines.powersOfTwo(dist, 8)).containsExactly(16, 32, 64, 128, 256);
    assertThat(Baselines.block(dist, 20, 5)).containsExactly(16, 32, 48, 80, 96);
    assertThat(Baselines.balanced(dist, 3)).containsExactly(64, 128, 192);
    assertThat(Baselines.sqrtSpacing(dist, 3)).containsExactly(16, 32, 48);
  }

  @Test
  void neverBeatThePlanner() {
    SplittableRandom random = new SplittableRandom(5);
    for (int run = 0; run < 300; run++) {
      int n = random.nextInt(8, 400);
      int binSize = random.nextBoolean() ? 1 : 8;
      int budget = random.nextInt(0, 9);
      Instance instance = Instance.random(random, n, binSize);
      DepthDistribution dist = instance.dist();
      double optimum = CheckpointPlanner.plan(dist, budget).expectedCost();
      double slack = 1e-12 * (1 + optimum);
      for (List<Integer> baseline :
          List.of(
              Baselines.block(dist, random.nextInt(1, n + 1), budget),
              Baselines.balanced(dist, budget),
              Baselines.sqrtSpacing(dist, budget),
              Baselines.powersOfTwo(dist, budget))) {
        assertThat(baseline).hasSizeLessThanOrEqualTo(budget);
        assertThat(CostModel.cost(dist, baseline)).isGreaterThanOrEqualTo(optimum - slack);
      }
    }
  }

  @Test
  void rejectBadArguments() {
    DepthDistribution dist = uniform(100, 1);
    assertThatThrownBy(() -> Baselines.block(dist, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("blockSize must be at least 1, got 0");
    assertThatThrownBy(() -> Baselines.balanced(dist, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("M must be at least 0, got -1");
  }
}
