package io.stepcache.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OnlineDepthEstimatorTest {

  @Test
  void decaysEveryCountOnEveryObservation() {
    OnlineDepthEstimator estimator = new OnlineDepthEstimator(100, 10, 2, 0.5, 1000);
    estimator.observe(15);
    estimator.observe(35);
    estimator.observe(15);
    double[] expected = new double[10];
    expected[1] = 0.25 + 1;
    expected[3] = 0.5;
    assertThat(estimator.histogram()).containsExactly(expected);
  }

  @Test
  void defaultsToThePapersDecay() {
    OnlineDepthEstimator estimator = new OnlineDepthEstimator(100, 10, 2);
    estimator.observe(5);
    estimator.observe(10);
    assertThat(estimator.histogram()[0]).isCloseTo(1.99, within(1e-12));
  }

  @Test
  void countsDepthZeroAndClampsDepthsBeyondN() {
    OnlineDepthEstimator estimator = new OnlineDepthEstimator(100, 10, 2, 1, 1000);
    estimator.observe(0);
    estimator.observe(1000);
    assertThat(estimator.observations()).isEqualTo(2);
    assertThat(estimator.histogram()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void resolvesEveryTenthObservationByDefault() {
    OnlineDepthEstimator estimator = new OnlineDepthEstimator(1000, 10, 2);
    observe(estimator, 500, 9);
    assertThat(estimator.currentPlan()).isEmpty();
    observe(estimator, 500, 1);
    // the bin (490, 500] is spread: 490 serves all of it, 500 then saves its top depth
    assertThat(estimator.currentPlan().orElseThrow().positions()).containsExactly(490, 500);

    observe(estimator, 800, 9);
    assertThat(estimator.currentPlan().orElseThrow().positions()).containsExactly(490, 500);
    observe(estimator, 800, 1);
    assertThat(estimator.currentPlan().orElseThrow().positions()).containsExactly(490, 790);
    assertThat(estimator.planForLength(600).orElseThrow().positions()).containsExactly(490, 500);
  }

  @Test
  void planMatchesSolvingTheHistogram() {
    OnlineDepthEstimator estimator = new OnlineDepthEstimator(4096, 64, 4, 0.99, 7);
    SplittableRandom random = new SplittableRandom(1);
    observe(estimator, random, 70);
    DepthDistribution dist = DepthDistribution.fromHistogram(estimator.histogram(), 4096, 64);
    assertThat(estimator.currentPlan()).contains(CheckpointPlanner.plan(dist, 4));
  }

  @Test
  void toleratesConcurrentObservers() throws Exception {
    OnlineDepthEstimator estimator = new OnlineDepthEstimator(8192, 64, 8);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Void>> observers =
          List.of(
              () -> observe(estimator, new SplittableRandom(1), 5000),
              () -> observe(estimator, new SplittableRandom(2), 5000));
      for (Future<Void> future : pool.invokeAll(observers)) {
        future.get();
      }
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(estimator.observations()).isEqualTo(10_000);
    assertThat(Arrays.stream(estimator.histogram()).sum()).isLessThanOrEqualTo(100);
    assertThat(estimator.currentPlan().orElseThrow().positions()).hasSize(8);
  }

  @Test
  void rejectsBadSettingsAndDepths() {
    assertRejected(
        () -> new OnlineDepthEstimator(100, 30, 2), "N = 100 must be a multiple of binSize = 30");
    assertRejected(() -> new OnlineDepthEstimator(100, 10, -1), "M must be at least 0, got -1");
    assertRejected(
        () -> new OnlineDepthEstimator(100, 10, 2, 0, 10), "decay must be in (0, 1], got 0.0");
    assertRejected(
        () -> new OnlineDepthEstimator(100, 10, 2, Double.NaN, 10),
        "decay must be in (0, 1], got NaN");
    assertRejected(
        () -> new OnlineDepthEstimator(100, 10, 2, 0.9, 0),
        "resolveEvery must be at least 1, got 0");
    assertRejected(
        () -> new OnlineDepthEstimator(100, 10, 2).observe(-1),
        "depth must be at least 0, got -1");
  }

  private static void observe(OnlineDepthEstimator estimator, int depth, int times) {
    for (int i = 0; i < times; i++) {
      estimator.observe(depth);
    }
  }

  private static Void observe(OnlineDepthEstimator estimator, SplittableRandom random, int times) {
    for (int i = 0; i < times; i++) {
      estimator.observe(random.nextInt(random.nextBoolean() ? 1024 : 8192) + 1);
    }
    return null;
  }

  private static void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
