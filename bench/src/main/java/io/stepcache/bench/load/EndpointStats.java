package io.stepcache.bench.load;

import io.stepcache.bench.report.Stats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.DoubleHistogram;

/**
 * One endpoint at one concurrency: what the closed loop measured in its window.
 *
 * @param endpoint {@code reuse} or {@code echo}
 * @param path the HTTP path
 * @param concurrency concurrent clients
 * @param seconds length of the measurement window
 * @param requests successful requests completed in the window
 * @param errors failed requests completed in the window (HTTP error, I/O error, wrong path or body)
 * @param throughputRps successful requests per second
 * @param p50Ms median round trip of the successful requests
 * @param p99Ms 99th percentile
 * @param meanMs mean
 * @param maxMs largest
 * @param meanResponseBytes mean response body size
 * @param errorKinds error count by kind
 * @param firstError the first error in the window, with detail, or {@code null}
 * @param clientCores CPU cores this JVM (the clients) used in the window, NaN if unknown
 * @param serverCores CPU cores the server process used, NaN if unknown
 * @param machineCores CPU cores the whole machine used (anything else running included), NaN if unknown
 */
public record EndpointStats(
    String endpoint,
    String path,
    int concurrency,
    double seconds,
    long requests,
    long errors,
    double throughputRps,
    double p50Ms,
    double p99Ms,
    double meanMs,
    double maxMs,
    double meanResponseBytes,
    Map<String, Long> errorKinds,
    String firstError,
    double clientCores,
    double serverCores,
    double machineCores) {

  public EndpointStats {
    errorKinds = Map.copyOf(errorKinds);
  }

  /**
   * Statistics of one window.
   *
   * @param latencyNanos round trips of the successful requests
   * @param responseBytes summed body sizes of the successful requests
   */
  static EndpointStats of(String endpoint, String path, int concurrency, double seconds, long[] latencyNanos,
      long errors, Map<String, Long> errorKinds, String firstError, long responseBytes, CpuMeter.Usage cpu) {
    DoubleHistogram ms = Stats.histogram();
    double sum = 0;
    for (long nanos : latencyNanos) {
      ms.recordValue(nanos / 1e6);
      sum += nanos / 1e6;
    }
    int n = latencyNanos.length;
    return new EndpointStats(endpoint, path, concurrency, seconds, n, errors, seconds > 0 ? n / seconds : Double.NaN,
        Stats.percentile(ms, 50), Stats.percentile(ms, 99), n == 0 ? Double.NaN : sum / n,
        n == 0 ? Double.NaN : ms.getMaxValue(), n == 0 ? Double.NaN : (double) responseBytes / n, new TreeMap<>(errorKinds),
        firstError, cpu.client(), cpu.server(), cpu.machine());
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path);
    m.put("requests", requests);
    m.put("errors", errors);
    m.put("seconds", seconds);
    m.put("throughputRps", round(throughputRps, 1));
    m.put("p50Ms", round(p50Ms, 3));
    m.put("p99Ms", round(p99Ms, 3));
    m.put("meanMs", round(meanMs, 3));
    m.put("maxMs", round(maxMs, 3));
    m.put("meanResponseBytes", round(meanResponseBytes, 1));
    m.put("errorKinds", new TreeMap<>(errorKinds));
    m.put("firstError", firstError);
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("client", round(clientCores, 3));
    cpu.put("server", round(serverCores, 3));
    cpu.put("machine", round(machineCores, 3));
    m.put("cpuCores", cpu);
    return m;
  }

  static Double round(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
