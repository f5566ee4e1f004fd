package io.stepcache.engine.internal;

import io.stepcache.checkpoint.Baselines;
import io.stepcache.checkpoint.CheckpointPlanner;
import io.stepcache.checkpoint.CheckpointPolicy;
import io.stepcache.checkpoint.CheckpointSettings;
import io.stepcache.checkpoint.DepthDistribution;
import io.stepcache.checkpoint.OnlineDepthEstimator;
import io.stepcache.engine.backend.Tokens;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step checkpoints inside cached answers (docs/architecture.md, "Step checkpoints"): learns, per pack, the overlap
 * depth of every PATCH in tokens, and chooses for a new entry the step boundaries where the backend
 * keeps resumable state, at most {@link CheckpointSettings#budget()} of them.
 *
 * <p>State exists only at step boundaries, so an entry's instance of the placement problem has its
 * depth mass on its own boundaries: the pack's depth histogram is folded onto them (a depth between
 * two boundaries of this entry counts at the lower one, where a PATCH of this entry would stop). The
 * planner's positions then lie on boundaries; the fixed baselines' positions are moved down to the
 * nearest boundary. Thread-safe.
 */
final class StepCheckpoints {

  private final CheckpointSettings settings;
  private final Map<String, OnlineDepthEstimator> byPack = new ConcurrentHashMap<>();

  StepCheckpoints(CheckpointSettings settings) {
    this.settings = settings;
  }

  /** Records a PATCH of the pack {@code packKey} whose shared prefix was {@code depthTokens} long. */
  void observe(String packKey, int depthTokens) {
    estimator(packKey).observe(Math.min(Math.max(depthTokens, 0), settings.maxDepthTokens()));
  }

  /** PATCH depths observed for the pack so far. */
  long observations(String packKey) {
    OnlineDepthEstimator e = byPack.get(packKey);
    return e == null ? 0 : e.observations();
  }

  /** Tokens of the first {@code count} steps, as the backend counts them. */
  static int tokens(List<String> steps, int count) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      sum += Tokens.count(steps.get(i));
    }
    return (int) Math.min(sum, Integer.MAX_VALUE);
  }

  /**
   * The step counts (ascending, 1..steps) after which a new entry with these steps keeps state;
   * empty under {@link CheckpointPolicy#NONE}, a zero budget, or (planned) before any PATCH depth
   * of the pack was seen.
   */
  List<Integer> choose(String packKey, List<String> steps) {
    int budget = settings.budget();
    if (settings.policy() == CheckpointPolicy.NONE || budget == 0 || steps.isEmpty()) {
      return List.of();
    }
    int count = steps.size();
    int[] boundary = new int[count + 1];
    for (int j = 1; j <= count; j++) {
      boundary[j] = boundary[j - 1] + (int) Tokens.count(steps.get(j - 1));
    }
    int length = Math.min(boundary[count], settings.maxDepthTokens());
    if (length < 1) {
      return List.of();
    }
    TreeSet<Integer> chosen = new TreeSet<>();
    switch (settings.policy()) {
      case PLANNED -> {
        double[] weights = folded(packKey, boundary, length);
        if (Arrays.stream(weights).noneMatch(w -> w > 0)) {
          return List.of();
        }
        DepthDistribution dist = DepthDistribution.ofWeights(weights, 1);
        for (int position : CheckpointPlanner.plan(dist, budget).positions()) {
          stepAtOrAbove(boundary, position, weights).ifPresent(chosen::add);
        }
      }
      case EVERY_BLOCK -> Baselines.block(uniform(length), settings.blockTokens(), budget)
          .forEach(p -> stepAtOrBelow(boundary, p).ifPresent(chosen::add));
      case EVENLY_SPACED -> Baselines.balanced(uniform(length), budget)
          .forEach(p -> stepAtOrBelow(boundary, p).ifPresent(chosen::add));
      case NONE -> {
        return List.of();
      }
    }
    return chosen.stream().limit(budget).toList();
  }

  /** {@code weights[t - 1]}: the pack's depth mass that a PATCH of this entry would stop at t. */
  private double[] folded(String packKey, int[] boundary, int length) {
    double[] hist = estimator(packKey).histogram();
    double[] weights = new double[length];
    int count = boundary.length - 1;
    for (int j = 1; j <= count; j++) {
      int from = boundary[j];
      int to = j == count ? hist.length + 1 : boundary[j + 1];
      if (from < 1 || from > length || to <= from) {
        continue;
      }
      double mass = 0;
      for (int d = from; d < to && d <= hist.length; d++) {
        mass += hist[d - 1];
      }
      weights[from - 1] += mass;
    }
    return weights;
  }

  private static DepthDistribution uniform(int length) {
    double[] w = new double[length];
    Arrays.fill(w, 1.0);
    return DepthDistribution.ofWeights(w, 1);
  }

  /** The first step boundary at or above {@code position} that carries weight. */
  private static Optional<Integer> stepAtOrAbove(int[] boundary, int position, double[] weights) {
    for (int j = 1; j < boundary.length; j++) {
      if (boundary[j] >= position && boundary[j] <= weights.length && weights[boundary[j] - 1] > 0) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }

  /** The deepest step boundary at or below {@code position} (none below the first step). */
  private static Optional<Integer> stepAtOrBelow(int[] boundary, int position) {
    int best = 0;
    for (int j = 1; j < boundary.length; j++) {
      if (boundary[j] <= position && boundary[j] > 0) {
        best = j;
      }
    }
    return best == 0 ? Optional.empty() : Optional.of(best);
  }

  /**
   * The pack's histogram (decay 0.99 per observation). Its own pooled plan is never read: each
   * entry is planned on its own boundaries when stored, so the estimator does not re-solve.
   */
  private OnlineDepthEstimator estimator(String packKey) {
    return byPack.computeIfAbsent(packKey, k -> new OnlineDepthEstimator(settings.maxDepthTokens(), 1,
        Math.max(1, settings.budget()), OnlineDepthEstimator.DEFAULT_DECAY, Integer.MAX_VALUE));
  }
}
