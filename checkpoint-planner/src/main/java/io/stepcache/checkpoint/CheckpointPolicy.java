package io.stepcache.checkpoint;

/** How the engine places an entry's step checkpoints (docs/architecture.md, "Step checkpoints"). */
public enum CheckpointPolicy {
  /** No checkpoints: every PATCH re-prefills its whole verified prefix. */
  NONE,
  /** The exact planner on the pack's observed PATCH depths ({@link CheckpointPlanner}). */
  PLANNED,
  /** Every {@code blockTokens} tokens ("block"), moved down to a step boundary. */
  EVERY_BLOCK,
  /** M positions evenly spaced over the answer ("balanced"), moved down to step boundaries. */
  EVENLY_SPACED
}
