package io.stepcache.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CostModelTest {

  @Test
  void chargesEachDepthItsDistanceToTheDeepestCheckpointBelow() {
    DepthDistribution dist = DepthDistribution.ofWeights(new double[] {1, 1, 1, 1}, 1);
    // depth: 1 2 3 4, resume from: 0 2 2 2, recompute: 1 0 1 2
    assertThat(CostModel.cost(dist, List.of(2))).isEqualTo(1.0);
    assertThat(CostModel.evaluate(dist, List.of(2))).isEqualTo(new Plan(List.of(2), 1, 2.5, 0.6));
    // up to length 3: recompute 1 0 1 over weight 3
    assertThat(CostModel.cost(dist, List.of(2, 4), 3)).isCloseTo(2.0 / 3, within(1e-15));
  }

  @Test
  void scoresOffGridPositionsOnTheSpreadHistogram() {
    DepthDistribution dist = DepthDistribution.fromHistogram(new double[] {0, 1}, 8, 4);
    // depths 5..8 weigh 1 each; from 6: 5 -> 5, 6 -> 0, 7 -> 1, 8 -> 2
    assertThat(CostModel.cost(dist, List.of(6))).isEqualTo(2.0);
    assertThat(CostModel.cost(dist, List.of(4))).isEqualTo(2.5);
  }

  @Test
  void agreesWithDepthByDepthSums() {
    SplittableRandom random = new SplittableRandom(3);
    for (int run = 0; run < 500; run++) {
      int n = random.nextInt(1, 200);
      Instance instance = Instance.random(random, n, 1);
      List<Integer> positions =
          IntStream.rangeClosed(1, n).filter(p -> random.nextInt(10) == 0).boxed().toList();
      int length = random.nextInt(1, n + 1);
      double weight = instance.weightUpTo(length);
      double expected = weight == 0 ? 0 : instance.naiveCost(positions, length) / weight;
      assertThat(CostModel.cost(instance.dist(), positions, length))
          .isCloseTo(expected, within(1e-9 * (1 + expected)));
    }
  }

  @Test
  void rejectsBadPositionsAndLengths() {
    DepthDistribution dist = DepthDistribution.ofWeights(new double[] {1, 1, 1, 1}, 1);
    assertThatThrownBy(() -> CostModel.cost(dist, List.of(3, 2), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("positions must be ascending, distinct and within 1..N = 1..4, got [3, 2]");
    assertThatThrownBy(() -> CostModel.cost(dist, List.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CostModel.cost(dist, List.of(5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CostModel.evaluate(dist, List.of(), 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length must be between 1 and N = 4, got 5");
  }
}
