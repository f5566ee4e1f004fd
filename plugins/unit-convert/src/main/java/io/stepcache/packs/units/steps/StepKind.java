package io.stepcache.packs.units.steps;

/** The three kinds of step an answer has, in this order, and steps of no kind. */
public enum StepKind {
  /** {@code 1 km = 0.621371 mi} */
  FACTOR,
  /** {@code 5 km × 0.621371 = 3.10686 mi} */
  PRODUCT,
  /** {@code Answer: 3.10686 mi} */
  ANSWER,
  /** Anything else. */
  OTHER
}
