package io.stepcache.bench.report;

import io.stepcache.bench.judge.Judge;
import io.stepcache.bench.judge.Verdict;
import io.stepcache.bench.system.Served;
import io.stepcache.bench.workload.BenchRequest;

/**
 * One request as one system served it, timed and judged.
 *
 * @param system system name
 * @param seed workload seed
 * @param request the request
 * @param served what the system served
 * @param wallMs measured wall time of the call in this process (the system's own CPU time with the
 *     virtual clock; everything, model included, with the real clock or over HTTP)
 * @param latencyMs the reported latency: {@code wallMs + served.simulatedMs()}
 * @param verdict the judge's verdict
 */
public record RequestRecord(
    String system, long seed, BenchRequest request, Served served, double wallMs, double latencyMs, Verdict verdict) {

  public boolean correct() {
    return verdict.correct();
  }

  /**
   * A wrong answer whose error came from the cache: a whole cached answer (REUSE, a response-cache
   * hit), or a PATCH one of whose reused steps is wrong. A PATCH that is wrong only in the steps the
   * model just wrote is the model's error, not the cache's.
   */
  public boolean wrongFromCache() {
    if (verdict.correct() || !served.fromCache()) {
      return false;
    }
    return served.reusedSteps() == null || Judge.forRequest(request).anyWrongStep(request, served.reusedSteps());
  }
}
