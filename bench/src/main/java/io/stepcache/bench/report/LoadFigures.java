package io.stepcache.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the targets need from a load-mode run ({@code load.json}): per concurrency the REUSE path's
 * and the echo endpoint's throughput and latency.
 *
 * @param source where the figures come from (a file, or "this run")
 * @param steps one per concurrency, in the order measured
 */
public record LoadFigures(String source, List<Step> steps) {

  /**
   * One concurrency.
   *
   * @param concurrency concurrent closed-loop clients
   * @param reuseRps successful REUSE requests per second
   * @param echoRps successful echo requests per second
   * @param reuseP50Ms median REUSE round trip
   * @param reuseP99Ms 99th percentile REUSE round trip
   * @param echoP50Ms median echo round trip
   * @param reuseErrors failed or non-REUSE requests
   * @param echoErrors failed echo requests
   */
  public record Step(int concurrency, double reuseRps, double echoRps, double reuseP50Ms, double reuseP99Ms,
      double echoP50Ms, long reuseErrors, long echoErrors) {

    /** REUSE throughput / echo throughput; NaN when the echo served nothing. */
    public double ratio() {
      return echoRps > 0 ? reuseRps / echoRps : Double.NaN;
    }
  }

  public LoadFigures {
    steps = List.copyOf(steps);
  }

  /** The step with the fewest clients (the unloaded latency). */
  public Optional<Step> lowestConcurrency() {
    return steps.stream().min(Comparator.comparingInt(Step::concurrency));
  }
}
