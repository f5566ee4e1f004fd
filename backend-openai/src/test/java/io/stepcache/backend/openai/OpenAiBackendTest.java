package io.stepcache.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.Tokens;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a scripted in-process HTTP server, for what a real model server does not do
 * on demand: garbage, 429 then 200, stalls, refused connections, error bodies. The happy path and
 * streaming against the real llama-server are in the liberty module's integration tests.
 */
class OpenAiBackendTest {

  /** One scripted answer. */
  private interface Reply {
    void send(HttpExchange ex) throws IOException, InterruptedException;
  }

  private HttpServer server;
  private ExecutorService pool;
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private OpenAiBackend backend;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pool = Executors.newCachedThreadPool();
    server.setExecutor(pool);
    server.createContext("/v1/chat/completions", ex -> {
      try (ex) {
        bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
        Reply r = replies.poll();
        if (r == null) {
          send(ex, 500, "application/json", "{\"error\":{\"message\":\"no scripted reply\"}}");
        } else {
          r.send(ex);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException ignored) {
        // the client went away (timeout tests)
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    if (backend != null) {
      backend.close();
    }
    server.stop(0);
    pool.shutdownNow();
  }

  private OpenAiSettings settings() {
    return OpenAiSettings.of("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
        .withRetries(2, Duration.ofMillis(10))
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  private Generation generate(OpenAiSettings s, GenerationRequest r) {
    backend = new OpenAiBackend(s);
    return backend.generate(r);
  }

  private static GenerationRequest request(String prompt) {
    return new GenerationRequest(prompt, null, 0.0, 64);
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
  }

  private static Reply json(int status, String body) {
    return ex -> send(ex, status, "application/json", body);
  }

  /** A JSON string literal. */
  private static String quote(String s) {
    return Json.createValue(s).toString();
  }

  /** A JSON text as JSON-P values, for comparing what was sent. */
  private static JsonValue parsed(String json) {
    try (var r = Json.createReader(new StringReader(json))) {
      return r.readValue();
    }
  }

  /** The body of the i-th request the server saw. */
  private JsonObject sent(int i) {
    return parsed(bodies.get(i)).asJsonObject();
  }

  private static String completion(String content, String finish, String usage) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":" + quote(content) + "},\"finish_reason\":\"" + finish + "\"}]"
        + (usage == null ? "" : ",\"usage\":" + usage) + "}";
  }

  private static Reply events(String... chunks) {
    return ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      for (String c : chunks) {
        out.write(c.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    };
  }

  private static String chunk(String content, String finish) {
    return "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{"
        + (content == null ? "" : "\"content\":" + quote(content)) + "},\"finish_reason\":"
        + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
  }

  @Test
  void sendsAStandardRequestAndReadsTheAnswerAndUsage() {
    replies.add(json(200, completion("Subtract 5: 3x = 15", "stop",
        "{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}")));
    Generation g = generate(settings().withModel("qwen").withApiKey("sk-secret"),
        new GenerationRequest("Solve 3x + 5 = 20.", null, 0.2, 32));

    assertThat(g).isEqualTo(new Generation("Subtract 5: 3x = 15", 11, 7, false));
    assertThat(bodies.get(0)).isEqualTo("{\"model\":\"qwen\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"Solve 3x + 5 = 20.\"}],\"max_tokens\":32,\"temperature\":0.2}");
    JsonObject sent = sent(0);
    assertThat(sent).containsEntry("model", Json.createValue("qwen")).containsEntry("max_tokens", Json.createValue(32))
        .containsEntry("temperature", Json.createValue(0.2))
        .doesNotContainKeys("stream", "response_format", "cache_salt");
    assertThat(sent.get("messages")).isEqualTo(parsed("[{\"role\":\"user\",\"content\":\"Solve 3x + 5 = 20.\"}]"));
    assertThat(authorizations).containsExactly("Bearer sk-secret");
    assertThat(backend.settings().toString()).doesNotContain("sk-secret").contains("apiKey=***");
  }

  @Test
  void aRequestModelWinsAndNoModelNoKeyAreLeftOut() {
    replies.add(json(200, completion("a", "stop", null)));
    replies.add(json(200, completion("b", "stop", null)));
    generate(settings().withModel("default-model"), new GenerationRequest("p", "asked", null, 8));
    backend.generate(new GenerationRequest("p", null, null, 8));
    assertThat(sent(0)).containsEntry("model", Json.createValue("asked")).doesNotContainKey("temperature");
    backend.close();
    backend = null;
    replies.add(json(200, completion("c", "stop", null)));
    generate(settings(), request("p"));
    assertThat(sent(2)).doesNotContainKey("model");
    assertThat(authorizations.get(2)).isEqualTo("null");
  }

  @Test
  void withoutUsageTokensAreCounted() {
    replies.add(json(200, completion("x = 5", "stop", null)));
    Generation g = generate(settings(), request("Solve 3x + 5 = 20."));
    assertThat(g.promptTokens()).isEqualTo(Tokens.count("Solve 3x + 5 = 20."));
    assertThat(g.completionTokens()).isEqualTo(Tokens.count("x = 5"));
  }

  @Test
  void finishReasonLengthIsTruncated() {
    replies.add(json(200, completion("Subtract 5 from", "length", null)));
    assertThat(generate(settings(), request("p")).truncated()).isTrue();
  }

  @Test
  void readsServerSentEventsWithUsageInALastChunk() {
    replies.add(events(
        ": keep-alive\n\n",
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n",
        chunk("Subtract 5", null), chunk(": 3x = 15\n", null), chunk("Answer", null), chunk(null, "length"),
        "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4}}\n\n",
        "data: [DONE]\n\n"));
    Generation g = generate(settings().withStream(true), request("p"));
    assertThat(g).isEqualTo(new Generation("Subtract 5: 3x = 15\nAnswer", 9, 4, true));
    assertThat(sent(0)).containsEntry("stream", JsonValue.TRUE)
        .containsEntry("stream_options", parsed("{\"include_usage\":true}"));
  }

  @Test
  void aJsonAnswerToAStreamedRequestIsReadToo() {
    replies.add(json(200, completion("plain", "stop", null)));
    assertThat(generate(settings().withStream(true), request("p")).text()).isEqualTo("plain");
  }

  @Test
  void passesTheSchemaAsResponseFormatAndASaltPerTenant() {
    replies.add(json(200, completion("{}", "stop", null)));
    replies.add(json(200, completion("{}", "stop", null)));
    replies.add(json(200, completion("{}", "stop", null)));
    String schema = "{\"type\":\"object\",\"properties\":{\"age\":{\"type\":\"integer\"}},\"required\":[\"age\"]}";
    generate(settings().withCacheSalt(true), new GenerationRequest("p", null, null, 8,
        new GenerationHints("acme", schema)));
    backend.generate(new GenerationRequest("p", null, null, 8, new GenerationHints("other", null)));
    backend.generate(new GenerationRequest("p", null, null, 8, new GenerationHints("acme", null)));

    JsonObject first = sent(0);
    assertThat(first.get("response_format")).isEqualTo(parsed("{\"type\":\"json_schema\","
        + "\"json_schema\":{\"name\":\"answer\",\"schema\":" + schema + "}}"));
    String salt = first.getString("cache_salt");
    assertThat(salt).hasSize(32).doesNotContain("acme");
    assertThat(sent(1)).doesNotContainKey("response_format");
    assertThat(sent(1).getString("cache_salt")).isNotEqualTo(salt);
    assertThat(sent(2).getString("cache_salt")).isEqualTo(salt);
  }

  @Test
  void responseFormatAndSaltCanBeSwitchedOff() {
    replies.add(json(200, completion("{}", "stop", null)));
    generate(settings().withResponseFormat(false), new GenerationRequest("p", null, null, 8,
        new GenerationHints("acme", "{\"type\":\"object\"}")));
    assertThat(sent(0)).doesNotContainKeys("response_format", "cache_salt");
  }

  @Test
  void aServerThatRefusesTheSchemaIsAskedAgainWithoutIt() {
    replies.add(json(400, "{\"error\":{\"message\":\"response_format not supported\",\"type\":\"invalid_request_error\"}}"));
    replies.add(json(200, completion("{\"age\": 3}", "stop", null)));
    Generation g = generate(settings(), new GenerationRequest("p", null, null, 8,
        new GenerationHints(null, "{\"type\":\"object\"}")));
    assertThat(g.text()).isEqualTo("{\"age\": 3}");
    assertThat(bodies).hasSize(2);
    assertThat(sent(0)).containsKey("response_format");
    assertThat(sent(1)).doesNotContainKey("response_format");
  }

  @Test
  void retries429And5xxWithBackoffThenSucceeds() {
    replies.add(ex -> {
      ex.getResponseHeaders().set("Retry-After", "0");
      send(ex, 429, "application/json", "{\"error\":{\"message\":\"slow down\"}}");
    });
    replies.add(json(503, "Service Unavailable"));
    replies.add(json(200, completion("ok", "stop", null)));
    assertThat(generate(settings(), request("p")).text()).isEqualTo("ok");
    assertThat(bodies).hasSize(3);
    assertThat(backend.retries()).isEqualTo(2);
  }

  @Test
  void gives502AfterTheRetriesRunOut() {
    for (int i = 0; i < 3; i++) {
      replies.add(json(503, "{\"error\":{\"message\":\"Loading model\"}}"));
    }
    assertThatThrownBy(() -> generate(settings(), request("p")))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAILED))
        .hasMessageContaining("HTTP 503").hasMessageContaining("3 attempts").hasMessageContaining("Loading model");
    assertThat(bodies).hasSize(3);
  }

  @Test
  void aClientErrorIsNotRetriedAndCarriesTheServersMessage() {
    replies.add(json(400, "{\"error\":{\"message\":\"the request exceeds the available context size\","
        + "\"type\":\"exceed_context_size_error\"}}"));
    assertThatThrownBy(() -> generate(settings(), request("p")))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAILED))
        .hasMessageContaining("HTTP 400").hasMessageContaining("exceeds the available context size");
    assertThat(bodies).hasSize(1);
  }

  @Test
  void unauthorizedNamesTheKeySetting() {
    replies.add(json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
    assertThatThrownBy(() -> generate(settings().withApiKey("sk-wrong"), request("p")))
        .hasMessageContaining("HTTP 401").hasMessageContaining("API key").hasMessageNotContaining("sk-wrong");
  }

  @Test
  void garbageIsBackendFailedAndNotRetried() {
    replies.add(ex -> send(ex, 200, "text/html", "<html><body>It works!</body></html>"));
    assertThatThrownBy(() -> generate(settings(), request("p")))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAILED))
        .hasMessageContaining("not an OpenAI chat completion").hasMessageContaining("<html>");
    assertThat(bodies).hasSize(1);
  }

  @Test
  void jsonOfTheWrongShapeIsBackendFailed() {
    for (String body : List.of("{\"choices\":[]}", "{\"choices\":[{\"message\":{\"content\":42}}]}", "[1,2]",
        "{\"error\":{\"message\":\"model crashed\"}}", "{\"choices\":[{\"text\":\"legacy\"}]}")) {
      replies.add(json(200, body));
      assertThatThrownBy(() -> generate(settings(), request("p")))
          .as(body)
          .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAILED));
      backend.close();
      backend = null;
    }
  }

  @Test
  void garbageInAnEventStreamIsBackendFailed() {
    replies.add(events(chunk("a", null), "data: {\"choices\": [oops\n\n"));
    assertThatThrownBy(() -> generate(settings().withStream(true), request("p")))
        .hasMessageContaining("not a JSON object");
    replies.add(events(chunk("a", null), "<html>\n\n"));
    assertThatThrownBy(() -> backend.generate(request("p"))).hasMessageContaining("not a server-sent event line");
    replies.add(events(chunk("a", null)));
    assertThatThrownBy(() -> backend.generate(request("p"))).hasMessageContaining("without [DONE]");
    replies.add(events(chunk("a", null), "data: {\"error\":{\"message\":\"out of memory\"}}\n\n"));
    assertThatThrownBy(() -> backend.generate(request("p"))).hasMessageContaining("out of memory");
  }

  @Test
  void aServerThatDoesNotAnswerInTimeIs504() {
    replies.add(ex -> Thread.sleep(5_000));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> generate(settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400)),
        request("p")))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_TIMEOUT))
        .hasMessageContaining("did not answer within 400 ms");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
    assertThat(bodies).hasSize(1);
  }

  @Test
  void streamingHandsOverEachPieceAndACancelClosesTheConnection() throws InterruptedException {
    java.util.concurrent.CountDownLatch serverSawTheClose = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
    replies.add(ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      try {
        for (int i = 0; i < 200; i++) {
          out.write(chunk("t" + i + " ", null).getBytes(StandardCharsets.UTF_8));
          out.flush();
          written.incrementAndGet();
          Thread.sleep(10);
        }
      } catch (IOException closed) {
        serverSawTheClose.countDown(); // what a model server sees when the client cancels: it stops generating
      }
    });
    backend = new OpenAiBackend(settings());
    List<String> pieces = new CopyOnWriteArrayList<>();
    Generation g = backend.stream(request("p"), piece -> {
      pieces.add(piece);
      return pieces.size() < 3;
    });
    assertThat(pieces).containsExactly("t0 ", "t1 ", "t2 ");
    assertThat(g.text()).isEqualTo("t0 t1 t2 ");
    assertThat(g.truncated()).isFalse();
    assertThat(g.completionTokens()).isEqualTo(Tokens.count("t0 t1 t2 "));
    assertThat(Json.createReader(new StringReader(bodies.get(0))).readObject().getBoolean("stream"))
        .as("streams whatever the stream setting says").isTrue();
    assertThat(serverSawTheClose.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).as("the server stopped long before its 200 chunks").isLessThan(150);
  }

  @Test
  void aStreamThatStallsIs504() {
    replies.add(ex -> {
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      ex.getResponseBody().write(chunk("Subtract", null).getBytes(StandardCharsets.UTF_8));
      ex.getResponseBody().flush();
      Thread.sleep(5_000);
    });
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> generate(settings().withStream(true).withTimeouts(Duration.ofSeconds(1),
        Duration.ofMillis(500)), request("p")))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_TIMEOUT));
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
  }

  @Test
  void aRefusedConnectionIsRetriedThen502() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    OpenAiSettings s = OpenAiSettings.of("http://127.0.0.1:" + port + "/v1").withRetries(2, Duration.ofMillis(20));
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> generate(s, request("p")))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAILED))
        .hasMessageContaining("Cannot reach the backend").hasMessageContaining("connection refused")
        .hasMessageContaining("3 attempts");
    assertThat(backend.retries()).isEqualTo(2);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(60); // 20 ms + 40 ms backoff
  }

  @Test
  void anEndlessAnswerIsCutOff() {
    replies.add(ex -> {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, 0);
      byte[] block = new byte[64 * 1024];
      java.util.Arrays.fill(block, (byte) ' ');
      for (int i = 0; i < 200; i++) {
        ex.getResponseBody().write(block);
      }
    });
    assertThatThrownBy(() -> generate(settings(), request("p")))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAILED))
        .hasMessageContaining("larger than");
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> OpenAiSettings.of("ftp://x/v1")).hasMessageContaining("http(s) URL");
    assertThatThrownBy(() -> OpenAiSettings.of("http://x/v1").withRetries(-1, Duration.ZERO))
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> OpenAiSettings.of("http://x/v1").withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
        .hasMessageContaining("connectTimeout");
    assertThat(OpenAiSettings.of("http://h:1/v1/").chatCompletionsUri().toString())
        .isEqualTo("http://h:1/v1/chat/completions");
    assertThat(OpenAiSettings.of("http://h:1/v1").chatCompletionsUri().toString())
        .isEqualTo("http://h:1/v1/chat/completions");
  }
}
