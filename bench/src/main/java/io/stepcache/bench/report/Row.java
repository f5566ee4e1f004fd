package io.stepcache.bench.report;

import io.stepcache.bench.workload.Family;
import io.stepcache.bench.workload.Perturbation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of the results: a system on one seed (the API contract in openapi.yaml: {@code system}, {@code
 * seed}, {@code requests}, {@code meanMs}, {@code p50Ms}, {@code p95Ms}, {@code totalTokens},
 * {@code correct}, {@code paths}, plus the extra fields below).
 */
public final class Row {

  /** Path names in display order (StepCache's four, then the response caches' two, then errors). */
  public static final List<String> PATH_ORDER = List.of("REUSE", "PATCH", "SKIP", "MISS", "HIT", "ERROR");

  public final String system;
  public final long seed;
  public final int requests;
  public final double meanMs;
  public final double p50Ms;
  public final double p95Ms;
  public final double p99Ms;
  public final long totalTokens;
  public final long promptTokens;
  public final long completionTokens;
  /** Tokens spent off the request path (StepCache's confirmations and audits); part of totalTokens. */
  public final long backgroundTokens;
  /** Wrong answers the system said were verified (StepCache: verified true). */
  public final int wrongVerified;
  /** Answers per trust level (StepCache only; empty for systems that do not verify). */
  public final Map<String, Integer> verification;
  /** Wrong answers per trust level (StepCache only). */
  public final Map<String, Integer> wrongByVerification;
  public final double correct;
  public final int wrong;
  public final int wrongServedFromCache;
  public final int servedFromCache;
  public final long modelCalls;
  public final int requestsReachingModel;
  public final double meanMsReachingModel;
  public final double tokensPerRequestReachingModel;
  public final double reuseP50Ms;
  public final double meanWallMs;
  public final int unverified;
  public final Map<String, Integer> paths;
  public final Map<Perturbation, Slice> byPerturbation;
  public final Map<Family, Slice> byFamily;
  public final List<RequestRecord> records;

  /** Counts for a subset of the requests. */
  public record Slice(int requests, int correct, int wrongFromCache, Map<String, Integer> paths) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("requests", requests);
      m.put("correct", requests == 0 ? 0.0 : (double) correct / requests);
      m.put("wrongServedFromCache", wrongFromCache);
      m.put("paths", paths);
      return m;
    }
  }

  public Row(String system, long seed, List<RequestRecord> records) {
    this.system = system;
    this.seed = seed;
    this.records = List.copyOf(records);
    this.requests = records.size();
    List<Double> lat = records.stream().map(RequestRecord::latencyMs).toList();
    this.meanMs = Stats.mean(lat);
    this.p50Ms = Stats.percentile(lat, 50);
    this.p95Ms = Stats.percentile(lat, 95);
    this.p99Ms = Stats.percentile(lat, 99);
    this.promptTokens = records.stream().mapToLong(r -> r.served().promptTokens()).sum();
    this.completionTokens = records.stream().mapToLong(r -> r.served().completionTokens()).sum();
    this.backgroundTokens = records.stream().mapToLong(r -> r.served().backgroundTokens()).sum();
    this.totalTokens = promptTokens + completionTokens + backgroundTokens;
    this.wrongVerified = (int) records.stream()
        .filter(r -> !r.correct() && Boolean.TRUE.equals(r.served().verified())).count();
    Map<String, Integer> levels = new java.util.TreeMap<>();
    Map<String, Integer> wrongLevels = new java.util.TreeMap<>();
    for (RequestRecord r : records) {
      if (r.served().verification() != null) {
        levels.merge(r.served().verification(), 1, Integer::sum);
        if (!r.correct()) {
          wrongLevels.merge(r.served().verification(), 1, Integer::sum);
        }
      }
    }
    this.verification = levels;
    this.wrongByVerification = wrongLevels;
    int ok = (int) records.stream().filter(RequestRecord::correct).count();
    this.correct = requests == 0 ? 0 : (double) ok / requests;
    this.wrong = requests - ok;
    this.wrongServedFromCache = (int) records.stream().filter(RequestRecord::wrongFromCache).count();
    this.servedFromCache = (int) records.stream().filter(r -> r.served().fromCache()).count();
    this.modelCalls = records.stream().mapToLong(r -> Math.max(0, r.served().modelCalls())).sum();
    List<RequestRecord> reaching = records.stream().filter(r -> r.served().reachedModel()).toList();
    this.requestsReachingModel = reaching.size();
    this.meanMsReachingModel = Stats.mean(reaching.stream().map(RequestRecord::latencyMs).toList());
    this.tokensPerRequestReachingModel =
        reaching.isEmpty() ? Double.NaN : reaching.stream().mapToLong(r -> r.served().totalTokens()).sum() / (double) reaching.size();
    this.reuseP50Ms = Stats.percentile(
        records.stream().filter(r -> r.served().path().equals("REUSE")).map(RequestRecord::latencyMs).toList(), 50);
    this.meanWallMs = Stats.mean(records.stream().map(RequestRecord::wallMs).toList());
    this.unverified = (int) records.stream().filter(r -> Boolean.FALSE.equals(r.served().verified())).count();
    this.paths = pathCounts(records);
    Map<Perturbation, Slice> byP = new EnumMap<>(Perturbation.class);
    for (Perturbation p : Perturbation.values()) {
      List<RequestRecord> sub = records.stream().filter(r -> r.request().perturbation() == p).toList();
      if (!sub.isEmpty()) {
        byP.put(p, slice(sub));
      }
    }
    this.byPerturbation = byP;
    Map<Family, Slice> byF = new EnumMap<>(Family.class);
    for (Family f : Family.values()) {
      List<RequestRecord> sub = records.stream().filter(r -> r.request().family() == f).toList();
      if (!sub.isEmpty()) {
        byF.put(f, slice(sub));
      }
    }
    this.byFamily = byF;
  }

  static Slice slice(List<RequestRecord> sub) {
    return new Slice(sub.size(), (int) sub.stream().filter(RequestRecord::correct).count(),
        (int) sub.stream().filter(RequestRecord::wrongFromCache).count(), pathCounts(sub));
  }

  static Map<String, Integer> pathCounts(List<RequestRecord> records) {
    Map<String, Integer> counts = new TreeMap<>((a, b) -> Integer.compare(order(a), order(b)) != 0
        ? Integer.compare(order(a), order(b)) : a.compareTo(b));
    for (RequestRecord r : records) {
      counts.merge(r.served().path(), 1, Integer::sum);
    }
    return new LinkedHashMap<>(counts);
  }

  private static int order(String path) {
    int i = PATH_ORDER.indexOf(path);
    return i < 0 ? PATH_ORDER.size() : i;
  }

  /** The row as the results JSON writes it. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("system", system);
    m.put("seed", seed);
    m.put("requests", requests);
    m.put("meanMs", round(meanMs));
    m.put("p50Ms", round(p50Ms));
    m.put("p95Ms", round(p95Ms));
    m.put("p99Ms", round(p99Ms));
    m.put("totalTokens", totalTokens);
    m.put("correct", round4(correct));
    m.put("paths", paths);
    m.put("backgroundTokens", backgroundTokens);
    m.put("wrongVerified", wrongVerified);
    m.put("verification", verification);
    m.put("wrongByVerification", wrongByVerification);
    m.put("promptTokens", promptTokens);
    m.put("completionTokens", completionTokens);
    m.put("tokensPerRequest", round(requests == 0 ? 0 : (double) totalTokens / requests));
    m.put("wrong", wrong);
    m.put("wrongServedFromCache", wrongServedFromCache);
    m.put("servedFromCache", servedFromCache);
    m.put("modelCalls", modelCalls);
    m.put("requestsReachingModel", requestsReachingModel);
    m.put("meanMsReachingModel", round(meanMsReachingModel));
    m.put("tokensPerRequestReachingModel", round(tokensPerRequestReachingModel));
    m.put("reuseP50Ms", Double.isNaN(reuseP50Ms) ? null : round(reuseP50Ms));
    m.put("meanSystemMs", round(meanWallMs));
    if (records.stream().anyMatch(r -> r.served().verified() != null)) {
      m.put("unverified", unverified);
    }
    Map<String, Object> byP = new LinkedHashMap<>();
    byPerturbation.forEach((k, v) -> byP.put(k.name(), v.toJson()));
    m.put("byPerturbation", byP);
    Map<String, Object> byF = new LinkedHashMap<>();
    byFamily.forEach((k, v) -> byF.put(k.task(), v.toJson()));
    m.put("byFamily", byF);
    return m;
  }

  static Object round(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    return Math.round(v * 1000) / 1000.0;
  }

  static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /** The requests of several rows, pooled. */
  public static List<RequestRecord> pooled(List<Row> rows) {
    List<RequestRecord> all = new ArrayList<>();
    rows.forEach(r -> all.addAll(r.records));
    return all;
  }
}
