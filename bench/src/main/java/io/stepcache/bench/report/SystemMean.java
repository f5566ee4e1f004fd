package io.stepcache.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A system averaged over its seeds: each figure is the mean of the per-seed figures (so every seed
 * weighs the same), path shares are fractions of all its requests, counts are summed.
 */
public final class SystemMean {

  public final String system;
  public final List<Row> rows;
  public final double requests;
  public final double meanMs;
  public final double p50Ms;
  public final double p95Ms;
  public final double p99Ms;
  public final double totalTokens;
  public final double tokensPerRequest;
  public final double correct;
  public final int wrong;
  public final int wrongServedFromCache;
  public final int servedFromCache;
  public final int requestsReachingModel;
  public final double meanMsReachingModel;
  public final double tokensPerRequestReachingModel;
  public final double reuseP50Ms;
  public final double meanSystemMs;
  public final Map<String, Integer> paths;
  public final int totalRequests;

  public SystemMean(String system, List<Row> rows) {
    this.system = system;
    this.rows = List.copyOf(rows);
    this.requests = avg(r -> r.requests);
    this.meanMs = avg(r -> r.meanMs);
    this.p50Ms = avg(r -> r.p50Ms);
    this.p95Ms = avg(r -> r.p95Ms);
    this.p99Ms = avg(r -> r.p99Ms);
    this.totalTokens = avg(r -> r.totalTokens);
    this.tokensPerRequest = avg(r -> r.requests == 0 ? 0 : (double) r.totalTokens / r.requests);
    this.correct = avg(r -> r.correct);
    this.wrong = rows.stream().mapToInt(r -> r.wrong).sum();
    this.wrongServedFromCache = rows.stream().mapToInt(r -> r.wrongServedFromCache).sum();
    this.servedFromCache = rows.stream().mapToInt(r -> r.servedFromCache).sum();
    this.requestsReachingModel = rows.stream().mapToInt(r -> r.requestsReachingModel).sum();
    this.meanMsReachingModel = avg(r -> r.meanMsReachingModel);
    this.tokensPerRequestReachingModel = avg(r -> r.tokensPerRequestReachingModel);
    this.reuseP50Ms = Stats.percentile(
        Row.pooled(rows).stream().filter(r -> r.served().path().equals("REUSE")).map(RequestRecord::latencyMs).toList(), 50);
    this.meanSystemMs = avg(r -> r.meanWallMs);
    this.paths = Row.pathCounts(Row.pooled(rows));
    this.totalRequests = rows.stream().mapToInt(r -> r.requests).sum();
  }

  private double avg(ToDoubleFunction<Row> f) {
    return rows.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
  }

  /** Share of requests on {@code path} (0..1). */
  public double pathShare(String path) {
    return totalRequests == 0 ? 0 : paths.getOrDefault(path, 0) / (double) totalRequests;
  }

  /** Wrong answers among those served from the cache (0..1), NaN when none came from it. */
  public double wrongRateAmongCached() {
    return servedFromCache == 0 ? Double.NaN : wrongServedFromCache / (double) servedFromCache;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("system", system);
    m.put("seeds", rows.stream().map(r -> r.seed).toList());
    m.put("requests", Row.round(requests));
    m.put("meanMs", Row.round(meanMs));
    m.put("p50Ms", Row.round(p50Ms));
    m.put("p95Ms", Row.round(p95Ms));
    m.put("p99Ms", Row.round(p99Ms));
    m.put("totalTokens", Row.round(totalTokens));
    m.put("tokensPerRequest", Row.round(tokensPerRequest));
    m.put("correct", Row.round4(correct));
    m.put("wrong", wrong);
    m.put("wrongServedFromCache", wrongServedFromCache);
    m.put("servedFromCache", servedFromCache);
    m.put("wrongRateAmongCached", Row.round(wrongRateAmongCached()));
    m.put("requestsReachingModel", requestsReachingModel);
    m.put("meanMsReachingModel", Row.round(meanMsReachingModel));
    m.put("tokensPerRequestReachingModel", Row.round(tokensPerRequestReachingModel));
    m.put("reuseP50Ms", Row.round(reuseP50Ms));
    m.put("meanSystemMs", Row.round(meanSystemMs));
    Map<String, Object> shares = new LinkedHashMap<>();
    paths.forEach((k, v) -> shares.put(k, Row.round4(v / (double) totalRequests)));
    m.put("paths", paths);
    m.put("pathShares", shares);
    return m;
  }
}
