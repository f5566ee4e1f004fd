package io.stepcache.engine;

import java.util.Locale;

/**
 * How far a client may trust an answer (README "Trust"). The native response carries it
 * as {@code verification}, the OpenAI-compatible door as the {@code X-StepCache-Verification}
 * header. Part of the public API: do not rename.
 */
public enum TrustLevel {
  /** The pack's rules prove every step right for this request (math-linear re-computes each step). */
  CHECKED,
  /**
   * A grounded answer every step of which independent generations agreed with (or the pack's rules
   * determined), and no audit has contradicted. Only checked and confirmed steps are reused.
   */
  CONFIRMED,
  /**
   * Every step passed the pack's rules, which show it plausible (e.g. the value occurs in the source
   * text, with the right type and schema) but cannot prove it is the right one.
   */
  GROUNDED,
  /** Not verified: some step or the output as a whole still fails the pack's rules. */
  NONE;

  /** The lower-case name used on the wire: {@code checked}, {@code confirmed}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
