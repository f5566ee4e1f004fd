package io.stepcache.checkpoint;

import java.util.Objects;

/**
 * Where the engine keeps resumable state inside cached answers.
 *
 * @param policy how positions are chosen
 * @param budget M, the most checkpoints per cached entry (0 = none)
 * @param blockTokens B for {@link CheckpointPolicy#EVERY_BLOCK}
 * @param maxDepthTokens deepest PATCH depth the per-pack estimator tracks (deeper counts as this)
 */
public record CheckpointSettings(CheckpointPolicy policy, int budget, int blockTokens, int maxDepthTokens) {

  public CheckpointSettings {
    Objects.requireNonNull(policy, "policy");
    if (budget < 0 || budget > 64) {
      throw new IllegalArgumentException("checkpoint budget must be in [0,64], got " + budget);
    }
    if (blockTokens < 1) {
      throw new IllegalArgumentException("checkpoint blockTokens must be at least 1, got " + blockTokens);
    }
    if (maxDepthTokens < 1 || maxDepthTokens > DepthDistribution.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "checkpoint maxDepthTokens must be in [1," + DepthDistribution.MAX_DEPTH + "], got " + maxDepthTokens);
    }
  }

  /** Defaults: the planner, M = 2 per entry, B = 16 tokens, depths tracked up to 4096 tokens. */
  public static CheckpointSettings defaults() {
    return new CheckpointSettings(CheckpointPolicy.PLANNED, 2, 16, 4096);
  }

  /** These settings with another policy and budget. */
  public CheckpointSettings with(CheckpointPolicy newPolicy, int newBudget) {
    return new CheckpointSettings(newPolicy, newBudget, blockTokens, maxDepthTokens);
  }
}
