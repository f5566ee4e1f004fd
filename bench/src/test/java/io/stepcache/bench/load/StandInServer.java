package io.stepcache.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepcache.bench.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the two endpoints the load mode drives, on the JDK's own HTTP server: it is NOT
 * StepCache and measures nothing about it. It exists only so that the tests can check the load
 * runner's bookkeeping (windows, throughput, percentiles, errors, seeding checks) against known
 * behaviour: the REUSE request ({@code Find y if ...}) is answered on REUSE after a fixed delay, the
 * seed prompt on MISS, and {@code /api/v1/bench/echo} returns the body.
 */
final class StandInServer implements AutoCloseable {

  /** How the stand-in misbehaves, if at all. */
  enum Fault {
    NONE,
    /** Every 5th REUSE request is answered on PATCH. */
    EVERY_FIFTH_PATCH,
    /** The REUSE request is always answered on MISS (seeding must fail). */
    NEVER_REUSE,
    /** The echo endpoint is off (404 problem+json, as StepCache with the flag off). */
    ECHO_OFF,
    /** The echo endpoint changes the body. */
    ECHO_WRONG
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32);
  final AtomicLong reuseHandled = new AtomicLong();
  final AtomicLong echoHandled = new AtomicLong();
  /** Every Authorization header seen ({@code <none>} for a request without one). */
  final Set<String> authorizations = ConcurrentHashMap.newKeySet();

  static {
    // without TCP_NODELAY the JDK server's small writes meet the client's delayed ACKs (about 40 ms a request)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  StandInServer(long reuseDelayMillis, Fault fault) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.setExecutor(pool);
    server.createContext(LoadRunner.COMPLETIONS, ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      authorizations.add(Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Authorization"), "<none>"));
      Map<String, Object> req = Json.parseObject(new String(body, StandardCharsets.UTF_8)).orElseThrow();
      String prompt = (String) req.get("prompt");
      String path;
      if (prompt.equals(LoadRunner.REUSE_PROMPT)) {
        long n = reuseHandled.incrementAndGet();
        path = fault == Fault.NEVER_REUSE ? "MISS" : fault == Fault.EVERY_FIFTH_PATCH && n % 5 == 0 ? "PATCH" : "REUSE";
        sleep(reuseDelayMillis);
      } else {
        path = "MISS";
      }
      String answer = "{\"output\":\"Subtract 5 from both sides: 3y = 15\\nDivide both sides by 3: y = 5\\nAnswer: y = 5\","
          + "\"answer\":{\"y\":5},\"path\":\"" + path + "\",\"task\":\"math-linear\",\"verified\":true,\"steps\":[],"
          + "\"similarity\":1.0,\"usage\":{\"promptTokens\":0,\"completionTokens\":0,\"totalTokens\":0},\"latencyMs\":0.3}";
      // chunked (length 0 = chunked with the JDK server): exercises the socket client's chunked reader
      send(ex, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8), true);
    });
    server.createContext(LoadRunner.ECHO, ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      authorizations.add(Objects.requireNonNullElse(ex.getRequestHeaders().getFirst("Authorization"), "<none>"));
      echoHandled.incrementAndGet();
      switch (fault) {
        case ECHO_OFF -> send(ex, 404, "application/problem+json",
            "{\"type\":\"https://stepcache.io/problems/not-found\",\"status\":404,\"code\":\"NOT_FOUND\"}"
                .getBytes(StandardCharsets.UTF_8), false);
        case ECHO_WRONG -> send(ex, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), false);
        default -> send(ex, 200, "application/json", body, false);
      }
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body, boolean chunked) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, chunked ? 0 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
