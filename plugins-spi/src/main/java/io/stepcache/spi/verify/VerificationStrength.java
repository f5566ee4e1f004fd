package io.stepcache.spi.verify;

/**
 * How much a pack's rules prove about a step that passes them (README "Trust"). The
 * engine reuses steps of a {@link #GROUNDED} pack only once they are confirmed.
 */
public enum VerificationStrength {
  /**
   * The rules prove every passing step right for the request they check (math-linear re-computes
   * every step). A passing cached step is reused at once.
   */
  CHECKED,
  /**
   * The rules show a passing step is plausible (its value occurs in the source, with the right type
   * and schema) but cannot prove it is the right one. A new cached step is provisional: it is
   * reused only after independent generations agree with it, or after the rules promote it ({@link
   * Verdicts#promoteStep}).
   */
  GROUNDED
}
