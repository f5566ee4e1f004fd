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

  /** Evaluates every target that the systems present allow (no load-mode results). */
  public static List<Target> evaluate(List<SystemMean> means) {
    return evaluate(means, null);
  }

  /**
   * Evaluates every target that the systems present and the load-mode results (or {@code null})
   * allow.
   */
  public static List<Target> evaluate(List<SystemMean> means, LoadFigures load) {
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
    out.addAll(http(http.orElse(null), load,
        find(means, "stepcache").map(s -> "in process the REUSE median is " + ms(s.reuseP50Ms) + " ms").orElse(null)));
    return out;
  }

  /**
   * The two HTTP targets: REUSE median under 2 ms over HTTP (from the workload's REUSE requests of
   * {@code stepcache-http} and/or the load mode's lowest concurrency; met only when every measurement
   * present is under 2 ms) and REUSE throughput at least half the echo endpoint's (load mode; met
   * only when the ratio is at least 0.5 at every concurrency measured).
   *
   * @param http the {@code stepcache-http} system, or {@code null}
   * @param load load-mode figures, or {@code null}
   * @param inProcessNote said when nothing was measured over HTTP, or {@code null}
   */
  public static List<Target> http(SystemMean http, LoadFigures load, String inProcessNote) {
    List<Target> out = new ArrayList<>();
    String medianTarget = "REUSE-path median under 2 ms over HTTP";
    List<String> parts = new ArrayList<>();
    boolean measured = false;
    boolean met = true;
    if (http != null) {
      long reuses = http.paths.getOrDefault("REUSE", 0);
      double p50 = http.reuseP50Ms;
      parts.add(fmt("%s ms over the workload's %d REUSE requests (stepcache-http, one client)", ms(p50), reuses));
      measured = true;
      met &= !Double.isNaN(p50) && p50 < 2;
    }
    Optional<LoadFigures.Step> lowest = load == null ? Optional.empty() : load.lowestConcurrency();
    if (lowest.isPresent()) {
      LoadFigures.Step s = lowest.get();
      parts.add(fmt("%s ms in load mode at concurrency %d (p99 %s ms, %.0f req/s)", ms(s.reuseP50Ms()),
          s.concurrency(), ms(s.reuseP99Ms()), s.reuseRps()));
      measured = true;
      met &= !Double.isNaN(s.reuseP50Ms()) && s.reuseP50Ms() < 2;
    }
    if (measured) {
      out.add(new Target("reuse-median-http", medianTarget, String.join("; ", parts), status(met)));
    } else {
      out.add(new Target("reuse-median-http", medianTarget,
          "not run over HTTP" + (inProcessNote == null ? "" : "; " + inProcessNote), Status.NOT_MEASURED));
    }
    String throughputTarget = "REUSE throughput >= 0.5 x a bare JAX-RS echo endpoint (concurrency 1..64)";
    if (load == null || load.steps().isEmpty()) {
      out.add(new Target("reuse-throughput", throughputTarget,
          "not measured: run --mode load against a server with stepcache.bench.echo.enabled=true", Status.NOT_MEASURED));
    } else {
      List<String> ratios = new ArrayList<>();
      LoadFigures.Step worst = null;
      boolean allMet = true;
      for (LoadFigures.Step s : load.steps()) {
        double r = s.ratio();
        ratios.add(fmt("%d: %.2f", s.concurrency(), r));
        if (worst == null || Double.isNaN(r) || r < worst.ratio()) {
          worst = s;
        }
        allMet &= !Double.isNaN(r) && r >= 0.5;
      }
      LoadFigures.Step bestReuse = load.steps().stream().max((a, b) -> Double.compare(a.reuseRps(), b.reuseRps())).get();
      LoadFigures.Step bestEcho = load.steps().stream().max((a, b) -> Double.compare(a.echoRps(), b.echoRps())).get();
      out.add(new Target("reuse-throughput", throughputTarget,
          fmt("ratio by concurrency %s; lowest %.2f at %d; peak REUSE %.0f req/s (at %d) vs peak echo %.0f req/s (at %d)",
              String.join(", ", ratios), worst.ratio(), worst.concurrency(), bestReuse.reuseRps(),
              bestReuse.concurrency(), bestEcho.echoRps(), bestEcho.concurrency()),
          status(allMet)));
    }
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
