package io.stepcache.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The targets, checked against the measured means. A missed target is reported, not hidden. */
public final class Targets {

  /** Whether a target was met. */
  public enum Status {
    MET,
    MISSED,
    NOT_MEASURED,
    INFO
  }

  /**
   * One target.
   *
   * @param id short id
   * @param target what was asked
   * @param measured what was measured
   * @param status met, missed, not measured, or information only
   */
  public record Target(String id, String target, String measured, Status status) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("target", target);
      m.put("measured", measured);
      m.put("status", status.name());
      return m;
    }
  }

  private Targets() {}

  /** Evaluates every target that the systems present allow. */
  public static List<Target> evaluate(List<SystemMean> means) {
    List<Target> out = new ArrayList<>();
    Optional<SystemMean> base = find(means, "no-cache");
    Optional<SystemMean> http = find(means, "stepcache-http");
    Optional<SystemMean> sc = find(means, "stepcache").or(() -> http);
    if (base.isEmpty() || sc.isEmpty()) {
      out.add(new Target("baseline", "no-cache and stepcache in the same run", "missing", Status.NOT_MEASURED));
    } else {
      SystemMean b = base.get();
      SystemMean s = sc.get();
      double latency = s.meanMs / b.meanMs;
      out.add(new Target("mean-latency", "StepCache mean latency <= 0.15 x no-cache (paper 0.31 x)",
          fmt("%.3f x (%s ms vs %s ms)", latency, ms(s.meanMs), ms(b.meanMs)), status(latency <= 0.15)));
      double reaching = s.meanMsReachingModel / b.meanMs;
      out.add(new Target("model-request-latency",
          "requests that reach the model take <= 1.05 x a plain call (paper about 1.55 x)",
          fmt("%.3f x (%s ms over %d requests vs %s ms)", reaching, ms(s.meanMsReachingModel),
              s.requestsReachingModel, ms(b.meanMs)),
          status(reaching <= 1.05)));
      double reachingTokens = s.tokensPerRequestReachingModel / b.tokensPerRequest;
      out.add(new Target("model-request-tokens", "requests that reach the model spend <= 1.05 x the tokens of a plain call",
          fmt("%.3f x (%.1f vs %.1f tokens)", reachingTokens, s.tokensPerRequestReachingModel, b.tokensPerRequest),
          status(reachingTokens <= 1.05)));
      double tokens = s.totalTokens / b.totalTokens;
      out.add(new Target("total-tokens", "StepCache total tokens <= 0.35 x no-cache (paper 0.76 x)",
          fmt("%.3f x (%.0f vs %.0f per seed)", tokens, s.totalTokens, b.totalTokens), status(tokens <= 0.35)));
      out.add(new Target("correctness", "StepCache correctness 100 % with zero wrong answers served from the cache",
          fmt("%.2f %% correct, %d wrong, %d of them from the cache", 100 * s.correct, s.wrong, s.wrongServedFromCache),
          status(s.wrong == 0 && s.wrongServedFromCache == 0)));
      out.add(new Target("no-cache-baseline", "no-cache calibrated near the paper (2.13 s mean, 27.5 % wrong, ~163 tokens/request)",
          fmt("%s ms mean, %.1f %% wrong, %.1f tokens/request", ms(b.meanMs), 100 * (1 - b.correct), b.tokensPerRequest),
          Status.INFO));
    }
    for (SystemMean m : means) {
      if (m.system.startsWith("semantic-")) {
        out.add(new Target("wrong-rate-" + m.system, "report the semantic cache's wrong-answer rate",
            fmt("%.1f %% of all answers wrong; %d of %d cache hits wrong (%.1f %%)", 100 * (1 - m.correct),
                m.wrongServedFromCache, m.servedFromCache, 100 * m.wrongRateAmongCached()),
            Status.INFO));
      }
    }
    if (http.isPresent()) {
      double p50 = http.get().reuseP50Ms;
      out.add(new Target("reuse-median-http", "REUSE-path median under 2 ms over HTTP",
          fmt("%s ms", ms(p50)), status(!Double.isNaN(p50) && p50 < 2)));
    } else {
      out.add(new Target("reuse-median-http", "REUSE-path median under 2 ms over HTTP",
          sc.map(s -> "not run over HTTP; in process the REUSE median is " + ms(s.reuseP50Ms) + " ms").orElse("not run"),
          Status.NOT_MEASURED));
    }
    out.add(new Target("reuse-throughput", "REUSE throughput >= 0.5 x a bare JAX-RS echo endpoint (concurrency 1..64)",
        "not measured: the load mode is not implemented yet", Status.NOT_MEASURED));
    return out;
  }

  private static Optional<SystemMean> find(List<SystemMean> means, String name) {
    return means.stream().filter(m -> m.system.equals(name)).findFirst();
  }

  private static Status status(boolean met) {
    return met ? Status.MET : Status.MISSED;
  }

  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v < 10 ? fmt("%.3f", v) : v < 1000 ? fmt("%.1f", v) : fmt("%.0f", v);
  }

  private static String fmt(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
