package io.stepcache.bench.load;

import io.stepcache.bench.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Load mode: REUSE-path throughput and latency over HTTP against the same server's bare echo
 * endpoint.
 *
 * <ol>
 *   <li>Seeding: {@code Solve 3x + 5 = 20.} (a MISS for a fresh tenant, stored), then {@code Find y
 *       if 3y + 5 = 20.}, which must come back on REUSE (the run stops otherwise), and the echo
 *       endpoint must answer that body unchanged (the run stops otherwise: it is off by default).
 *   <li>For each concurrency: a closed loop of that many clients, each sending the REUSE request
 *       again as soon as the previous answer is in, for the warm-up then the measured window; then
 *       the same for the echo endpoint with the same request body. A request counts in the window
 *       in which it completes; a REUSE answer on another path, an HTTP error or an echo that differs
 *       is an error, not a success. Percentiles are over the successful requests.
 * </ol>
 *
 * <p>The clients run in this JVM on the same machine as the server: on few cores they take CPU from
 * it, which is why every measurement records the CPU cores used by the clients, the server and the
 * whole machine.
 *
 * <p>Over 350 lines on purpose: the seeding checks, the closed-loop {@link Worker}s and their window
 * accounting share the run's configuration and clock; the figures are computed elsewhere ({@link
 * EndpointStats}, HdrHistogram), what is left is the protocol of one measurement, read top to bottom.
 */
public final class LoadRunner {

  public static final String COMPLETIONS = "/api/v1/completions";
  public static final String ECHO = "/api/v1/bench/echo";
  public static final String SEED_PROMPT = "Solve 3x + 5 = 20.";
  public static final String REUSE_PROMPT = "Find y if 3y + 5 = 20.";

  /**
   * What to run.
   *
   * @param base server base URL
   * @param tenant the tenant of the seeded entry and every REUSE request
   * @param concurrency one measurement per entry, in this order
   * @param durationSeconds measured window per (endpoint, concurrency)
   * @param warmupSeconds unmeasured time before each window
   * @param client {@code socket} or {@code jdk}
   * @param timeout per request
   * @param progress print progress lines
   * @param bearer the tenant's API key, sent with every request, or {@code null} (a server in dev mode)
   */
  public record Config(URI base, String tenant, List<Integer> concurrency, double durationSeconds,
      double warmupSeconds, String client, Duration timeout, boolean progress, String bearer) {}

  private final Config config;
  private final PrintStream err;

  public LoadRunner(Config config, PrintStream err) {
    this.config = config;
    this.err = err;
  }

  /** The body of the REUSE request (and of the echo request). */
  public static byte[] reuseBody(String tenant) {
    return body(REUSE_PROMPT, tenant);
  }

  static byte[] body(String prompt, String tenant) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prompt", prompt);
    m.put("task", "math-linear");
    m.put("tenant", tenant);
    return Json.write(m).getBytes(StandardCharsets.UTF_8);
  }

  /** Seeds, measures every concurrency, returns the result (not yet written). */
  public LoadResult run() throws LoadException {
    Instant started = Instant.now();
    byte[] reuseBody = reuseBody(config.tenant());
    Map<String, Object> seeding;
    try (LoadClient.Factory factory = LoadClient.factory(config.client(), config.base(), config.timeout(), config.bearer())) {
      seeding = seed(factory, reuseBody);
      long pid = CpuMeter.findServerPid(config.base());
      CpuMeter cpu = new CpuMeter(pid);
      note(String.format(Locale.ROOT, "load: server %s, tenant %s, %s client, concurrency %s, %.1f s warm-up + %.1f s "
              + "measured per endpoint; server process %s", config.base(), config.tenant(), factory.kind(),
          config.concurrency(), config.warmupSeconds(), config.durationSeconds(), pid > 0 ? "pid " + pid : "not found"));
      List<LoadStep> steps = new ArrayList<>();
      for (int c : config.concurrency()) {
        EndpointStats reuse = measure(factory, cpu, "reuse", COMPLETIONS, reuseBody, c, LoadRunner::checkReuse);
        EndpointStats echo = measure(factory, cpu, "echo", ECHO, reuseBody, c, r -> checkEcho(r, reuseBody));
        LoadStep step = new LoadStep(c, reuse, echo);
        steps.add(step);
        note(String.format(Locale.ROOT, "[load c=%d] REUSE/echo throughput ratio %.2f", c, step.ratio()));
      }
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("benchmark", "StepBench load");
      meta.put("startedAt", started.toString());
      meta.put("finishedAt", Instant.now().toString());
      meta.put("url", config.base().toString());
      meta.put("tenant", config.tenant());
      meta.put("client", factory.kind());
      meta.put("concurrency", config.concurrency());
      meta.put("durationSeconds", config.durationSeconds());
      meta.put("warmupSeconds", config.warmupSeconds());
      Map<String, Object> reuseReq = new LinkedHashMap<>();
      reuseReq.put("path", COMPLETIONS);
      reuseReq.put("body", new String(reuseBody, StandardCharsets.UTF_8));
      reuseReq.put("bytes", reuseBody.length);
      meta.put("reuseRequest", reuseReq);
      Map<String, Object> echoReq = new LinkedHashMap<>();
      echoReq.put("path", ECHO);
      echoReq.put("body", "the REUSE request body, byte for byte");
      echoReq.put("bytes", reuseBody.length);
      meta.put("echoRequest", echoReq);
      meta.put("seeding", seeding);
      Map<String, Object> machine = new LinkedHashMap<>();
      machine.put("availableProcessors", Runtime.getRuntime().availableProcessors());
      machine.put("serverPid", pid > 0 ? pid : null);
      machine.put("javaVersion", System.getProperty("java.version"));
      machine.put("note", "client (this JVM) and server share the machine's CPUs; cpuCores per measurement say who used them");
      meta.put("machine", machine);
      return new LoadResult(meta, steps);
    }
  }

  /**
   * Stores the entry and checks that the REUSE request and the echo endpoint behave.
   *
   * @return what happened, for load.json
   */
  Map<String, Object> seed(LoadClient.Factory factory, byte[] reuseBody) throws LoadException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (LoadClient client = factory.open()) {
      byte[] seedBody = body(SEED_PROMPT, config.tenant());
      Reply first = post(client, COMPLETIONS, seedBody);
      if (first.status() != 200) {
        throw new LoadException("seeding failed: POST " + COMPLETIONS + " " + new String(seedBody, StandardCharsets.UTF_8)
            + " answered HTTP " + first.status() + ": " + abbreviate(first.text()));
      }
      out.put("seedPrompt", SEED_PROMPT);
      out.put("seedPath", pathOf(first));
      Reply warm = post(client, COMPLETIONS, reuseBody);
      String warmPath = warm.status() == 200 ? pathOf(warm) : "HTTP " + warm.status();
      out.put("reusePrompt", REUSE_PROMPT);
      out.put("reusePath", warmPath);
      if (!"REUSE".equals(warmPath)) {
        throw new LoadException("the request to be measured is not served on REUSE: after '" + SEED_PROMPT
            + "' (path " + pathOf(first) + "), '" + REUSE_PROMPT + "' for tenant " + config.tenant() + " came back on "
            + warmPath + ": " + abbreviate(warm.text()) + "\nThe load mode measures the REUSE path only; check the server "
            + "(math-linear pack loaded, step store up).");
      }
      out.put("reuseResponseBytes", warm.body().length);
      Reply echo = post(client, ECHO, reuseBody);
      if (echo.status() == 404) {
        throw new LoadException("the echo endpoint POST " + ECHO + " answered 404: it is off by default. Start the "
            + "server with STEPCACHE_BENCH_ECHO_ENABLED=true (or stepcache.bench.echo.enabled=true in server.xml / "
            + "bootstrap.properties).");
      }
      String echoError = checkEcho(echo, reuseBody);
      if (echoError != null) {
        throw new LoadException("the echo endpoint POST " + ECHO + " did not echo: " + echoError + ": "
            + abbreviate(echo.text()));
      }
    }
    return out;
  }

  private Reply post(LoadClient client, String path, byte[] body) throws LoadException {
    try {
      return client.post(path, body);
    } catch (IOException e) {
      throw new LoadException("StepCache server not reachable: POST " + config.base().resolve(path) + " failed: " + e
          + "\nStart it first (see bench/README.md, Load mode) or pass --url.", e);
    }
  }

  /** Null when {@code r} is a REUSE answer, else the error kind. */
  static String checkReuse(Reply r) {
    if (r.status() != 200) {
      return "HTTP " + r.status();
    }
    return r.isPath("REUSE") ? null : "path " + pathOf(r);
  }

  /** Null when {@code r} is the echo of {@code sent}, else the error kind. */
  static String checkEcho(Reply r, byte[] sent) {
    if (r.status() != 200) {
      return "HTTP " + r.status();
    }
    return Arrays.equals(r.body(), sent) ? null : "body differs";
  }

  @SuppressWarnings("unchecked")
  static String pathOf(Reply r) {
    return Json.parseObject(r.text()).map(m -> m.get("path")).map(String::valueOf).orElse("(not a StepCache response)");
  }

  /** One closed-loop measurement. */
  EndpointStats measure(LoadClient.Factory factory, CpuMeter cpu, String endpoint, String path, byte[] body,
      int concurrency, Function<Reply, String> check) throws LoadException {
    long warmupNanos = Math.round(config.warmupSeconds() * 1e9);
    long durationNanos = Math.round(config.durationSeconds() * 1e9);
    long start = System.nanoTime();
    long windowStart = start + warmupNanos;
    long windowEnd = windowStart + durationNanos;
    Worker[] workers = new Worker[concurrency];
    Thread[] threads = new Thread[concurrency];
    for (int i = 0; i < concurrency; i++) {
      workers[i] = new Worker(factory, path, body, check, windowStart, windowEnd);
      threads[i] = new Thread(workers[i], "load-" + endpoint + "-c" + concurrency + "-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    sleepUntil(windowStart);
    CpuMeter.Sample a = cpu.sample();
    sleepUntil(windowEnd);
    CpuMeter.Sample b = cpu.sample();
    long joinDeadline = System.nanoTime() + config.timeout().toNanos() + 5_000_000_000L;
    for (Thread t : threads) {
      try {
        t.join(Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LoadException("interrupted");
      }
      if (t.isAlive()) {
        throw new LoadException("a client of " + endpoint + " at concurrency " + concurrency
            + " did not finish its last request within the timeout");
      }
    }
    long total = 0;
    long errors = 0;
    long bytes = 0;
    Map<String, Long> kinds = new HashMap<>();
    String firstError = null;
    long firstErrorAt = Long.MAX_VALUE;
    for (Worker w : workers) {
      total += w.latencies.size();
      errors += w.errors;
      bytes += w.responseBytes;
      w.kinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
      if (w.firstError != null && w.firstErrorAt < firstErrorAt) {
        firstError = w.firstError;
        firstErrorAt = w.firstErrorAt;
      }
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies.values, 0, all, at, w.latencies.size());
      at += w.latencies.size();
    }
    EndpointStats s = EndpointStats.of(endpoint, path, concurrency, config.durationSeconds(), all, errors, kinds,
        firstError, bytes, cpu.between(a, b));
    note(String.format(Locale.ROOT,
        "[load c=%d %s] %d ok, %d errors in %.1f s: %.0f req/s, p50 %.3f ms, p99 %.3f ms; CPU cores client %s,"
            + " server %s, machine %s%s",
        concurrency, endpoint, s.requests(), s.errors(), s.seconds(), s.throughputRps(), s.p50Ms(), s.p99Ms(),
        cores(s.clientCores()), cores(s.serverCores()), cores(s.machineCores()),
        firstError == null ? "" : "; first error: " + firstError));
    if (s.requests() == 0) {
      throw new LoadException("no request to " + path + " succeeded at concurrency " + concurrency
          + (firstError == null ? "" : ": " + firstError));
    }
    return s;
  }

  private static String cores(double c) {
    return Double.isNaN(c) ? "n/a" : String.format(Locale.ROOT, "%.2f", c);
  }

  private static void sleepUntil(long nanoTime) throws LoadException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      try {
        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LoadException("interrupted");
      }
    }
  }

  private void note(String line) {
    if (config.progress()) {
      err.println(line);
    }
  }

  static String abbreviate(String s) {
    String t = s.replaceAll("\\s+", " ").trim();
    return t.length() > 400 ? t.substring(0, 400) + "..." : t;
  }

  /** A growable long array. */
  static final class LongList {
    long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }
  }

  /** One closed-loop client. */
  private static final class Worker implements Runnable {
    private final LoadClient.Factory factory;
    private final String path;
    private final byte[] body;
    private final Function<Reply, String> check;
    private final long windowStart;
    private final long windowEnd;
    final LongList latencies = new LongList();
    final Map<String, Long> kinds = new HashMap<>();
    long errors;
    long responseBytes;
    String firstError;
    long firstErrorAt;

    Worker(LoadClient.Factory factory, String path, byte[] body, Function<Reply, String> check, long windowStart,
        long windowEnd) {
      this.factory = factory;
      this.path = path;
      this.body = body;
      this.check = check;
      this.windowStart = windowStart;
      this.windowEnd = windowEnd;
    }

    @Override
    public void run() {
      try (LoadClient client = factory.open()) {
        while (true) {
          long t0 = System.nanoTime();
          if (t0 - windowEnd >= 0) {
            return;
          }
          Reply r = null;
          String error;
          String detail = null;
          try {
            r = client.post(path, body);
            error = check.apply(r);
            if (error != null) {
              detail = abbreviate(r.text());
            }
          } catch (IOException | RuntimeException e) {
            error = e.getClass().getSimpleName();
            detail = String.valueOf(e.getMessage());
          }
          long t1 = System.nanoTime();
          if (t1 - windowStart >= 0 && t1 - windowEnd < 0) {
            if (error == null) {
              latencies.add(t1 - t0);
              responseBytes += r.body().length;
            } else {
              errors++;
              kinds.merge(error, 1L, Long::sum);
              if (firstError == null) {
                firstError = error + ": " + detail;
                firstErrorAt = t1;
              }
            }
          }
          if (r == null) {
            // connection refused or reset: do not spin
            try {
              Thread.sleep(20);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      }
    }
  }
}
