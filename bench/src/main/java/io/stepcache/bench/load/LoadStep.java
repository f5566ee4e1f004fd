package io.stepcache.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One concurrency: the REUSE path and the echo endpoint, measured one after the other.
 *
 * @param concurrency concurrent closed-loop clients
 * @param reuse {@code POST /api/v1/completions} with a request that is served on REUSE
 * @param echo {@code POST /api/v1/bench/echo} with the same request body
 */
public record LoadStep(int concurrency, EndpointStats reuse, EndpointStats echo) {

  /** REUSE throughput / echo throughput; NaN when the echo served nothing. */
  public double ratio() {
    return echo.throughputRps() > 0 ? reuse.throughputRps() / echo.throughputRps() : Double.NaN;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("concurrency", concurrency);
    m.put("reuse", reuse.toJson());
    m.put("echo", echo.toJson());
    m.put("ratio", EndpointStats.round(ratio(), 4));
    return m;
  }
}
