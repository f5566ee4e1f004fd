package io.stepcache.bench.stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepcache.bench.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for llama-server on the JDK's HTTP server, for the benchmark's bookkeeping tests: it
 * is NOT a model and measures nothing. It streams {@code ["L1 w", ..., "LN w"]} as chat-completion
 * chunks, one "token" per fixed delay, counts generated tokens and their time like llama-server's
 * {@code /metrics} (a finished answer also counts its end-of-stream token), reports {@code /slots}
 * busy while generating, and, like llama-server, stops generating when a write fails because the
 * client closed the connection; unless told to go on to the end.
 */
final class StandInLlamaServer implements AutoCloseable {

  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final long tokenMillis;
  private final boolean stopOnClose;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicLong tokens = new AtomicLong();
  private final AtomicLong generationNanos = new AtomicLong();
  private final AtomicLong promptTokens = new AtomicLong();
  private volatile long cachedPerCall;
  private volatile boolean metrics = true;
  /** Every chat-completions body received. */
  final List<String> bodies = new CopyOnWriteArrayList<>();

  /**
   * @param tokenMillis the delay before each token
   * @param stopOnClose stop generating when the client has gone (llama-server does)
   */
  StandInLlamaServer(long tokenMillis, boolean stopOnClose) throws IOException {
    this.tokenMillis = tokenMillis;
    this.stopOnClose = stopOnClose;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(pool);
    server.createContext("/v1/chat/completions", this::complete);
    server.createContext("/slots", ex -> send(ex, 200, "[{\"id\":0,\"is_processing\":" + busy.get() + "}]"));
    server.createContext("/metrics", ex -> {
      if (!metrics) {
        send(ex, 501, "{\"error\":{\"message\":\"This server does not support metrics endpoint.\"}}");
        return;
      }
      send(ex, 200, String.format(Locale.ROOT, "llamacpp:prompt_tokens_total %d%nllamacpp:prompt_tokens_cached_total %d%n"
              + "llamacpp:tokens_predicted_total %d%nllamacpp:tokens_predicted_seconds_total %.6f%n", promptTokens.get(),
          cachedPerCall * bodies.size(), tokens.get(), generationNanos.get() / 1e9));
    });
    server.createContext("/v1/models", ex -> send(ex, 200, "{\"data\":[{\"id\":\"stand-in\"}]}"));
    server.start();
  }

  /** The OpenAI-compatible base URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** From now on every call reports {@code n} prompt tokens taken from a cache (a server without --no-cache-prompt). */
  void cachePrompts(long n) {
    cachedPerCall = n;
  }

  /** From now on /metrics is off (a server without --metrics). */
  void noMetrics() {
    metrics = false;
  }

  long tokens() {
    return tokens.get();
  }

  private void complete(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    bodies.add(body);
    Map<String, Object> req = Json.parseObject(body).orElseThrow();
    String prompt = (String) ((Map<?, ?>) ((List<?>) req.get("messages")).get(0)).get("content");
    promptTokens.addAndGet(prompt.split("\\s+").length);
    int lines = Integer.parseInt(prompt.replaceAll("(?s).*Write exactly (\\d+) .*", "$1"));
    busy.set(true);
    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
    ex.sendResponseHeaders(200, 0);
    long t0 = System.nanoTime();
    boolean clientGone = false;
    try (OutputStream out = ex.getResponseBody()) {
      for (String piece : pieces(lines)) {
        sleep(tokenMillis);
        tokens.incrementAndGet();
        if (clientGone) {
          continue;
        }
        try {
          out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":" + Json.write(piece) + "}}]}\n\n")
              .getBytes(StandardCharsets.UTF_8));
          out.flush();
        } catch (IOException e) {
          clientGone = true;
          if (stopOnClose) {
            return;
          }
        }
      }
      if (clientGone) {
        return;
      }
      sleep(tokenMillis);
      tokens.incrementAndGet(); // the end-of-stream token, which is no content
      out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":{\"completion_tokens\":"
          + (pieces(lines).size() + 1) + "}}\n\ndata: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the client went away after the last piece
    } finally {
      generationNanos.addAndGet(System.nanoTime() - t0);
      busy.set(false);
    }
  }

  /** The answer's pieces: {@code [}, {@code "}, {@code L1}, {@code  w}, {@code "}, {@code ,"}, ... {@code ]}. */
  static List<String> pieces(int lines) {
    List<String> p = new ArrayList<>(List.of("[", "\""));
    for (int i = 1; i <= lines; i++) {
      p.addAll(List.of("L" + i, " w", "\""));
      p.add(i < lines ? ",\"" : "]");
    }
    return p;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
