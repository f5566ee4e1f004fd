package io.stepcache.engine;

/**
 * Where one request's time went, besides the whole ({@link CompletionResult#latencyMs()}).
 *
 * @param modelMs time in model calls (the engine's clock: virtual with the simulated backend's virtual clock)
 * @param verifyMs time in the pack's rules (guard and verification), wall clock
 */
public record Timings(double modelMs, double verifyMs) {

  /** Nothing measured. */
  public static final Timings NONE = new Timings(0, 0);
}
