package io.stepcache.bench.stream;

import io.stepcache.bench.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the benchmark reads from llama-server itself, besides the generation: {@code /slots}
 * (whether a slot is still generating) and {@code /metrics} ({@link ServerCounters}). Its own HTTP
 * client, so that polling never waits behind the generation's connection. Fails loudly: a server
 * without {@code --metrics} or with {@code --no-slots} is named as such.
 */
final class LlamaServer {

  private final URI root;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** @param baseUrl the OpenAI-compatible base ({@code http://127.0.0.1:8093/v1}); its {@code /v1} is dropped */
  LlamaServer(String baseUrl) {
    String s = baseUrl.replaceAll("/+$", "");
    this.root = URI.create(s.endsWith("/v1") ? s.substring(0, s.length() - 3) : s);
  }

  URI root() {
    return root;
  }

  /** Whether any slot is generating (or processing a prompt). */
  boolean busy() throws IOException, InterruptedException {
    Object slots = Json.parse(get("/slots", "start llama-server without --no-slots"));
    if (!(slots instanceof List<?> list)) {
      throw new IOException("llama-server's /slots is not a JSON array: " + Json.write(slots));
    }
    for (Object slot : list) {
      if (!(slot instanceof Map<?, ?> m) || !(m.get("is_processing") instanceof Boolean processing)) {
        throw new IOException("A slot of llama-server's /slots has no is_processing: " + Json.write(slot));
      }
      if (processing) {
        return true;
      }
    }
    return false;
  }

  /** The counters now. */
  ServerCounters counters() throws IOException, InterruptedException {
    return ServerCounters.parse(get("/metrics", "start llama-server with --metrics (llm-server.sh: LLM_EXTRA_ARGS=--metrics)"));
  }

  /** The model the server serves ({@code /v1/models}' first id), for the report. */
  String model() throws IOException, InterruptedException {
    Object models = Json.parse(get("/v1/models", ""));
    if (models instanceof Map<?, ?> m && m.get("data") instanceof List<?> data && !data.isEmpty()
        && data.get(0) instanceof Map<?, ?> first && first.get("id") instanceof String id) {
      return id;
    }
    return "?";
  }

  private String get(String path, String hint) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + root.resolve(path) + " answered HTTP " + r.statusCode()
          + (hint.isEmpty() ? "" : " (" + hint + ")") + ": " + r.body());
    }
    return r.body();
  }
}
