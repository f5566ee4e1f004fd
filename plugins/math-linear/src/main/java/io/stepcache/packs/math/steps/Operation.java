package io.stepcache.packs.math.steps;

/** The operations a step may apply to both sides of the previous equation. */
public enum Operation {
  /** Add a constant or a multiple of the unknown. */
  ADD,
  /** Subtract a constant or a multiple of the unknown. */
  SUBTRACT,
  /** Multiply by a non-zero constant. */
  MULTIPLY,
  /** Divide by a non-zero constant. */
  DIVIDE,
  /** Exchange the two sides. */
  SWAP
}
