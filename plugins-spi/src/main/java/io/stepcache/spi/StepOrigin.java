package io.stepcache.spi;

/** Where the text of one served step came from. Part of the public API: do not rename. */
public enum StepOrigin {
  /** Taken from a cached neighbour (rebound) and verified. */
  REUSED,
  /** Rewritten by the model because the reused or generated step failed verification. */
  REGENERATED,
  /** Fixed by a repair call that was shown the validation errors. */
  REPAIRED,
  /** Written by the pack's deterministic solver after the model attempts ran out. */
  SOLVED,
  /** Produced by a full generation (MISS or SKIP). */
  GENERATED
}
