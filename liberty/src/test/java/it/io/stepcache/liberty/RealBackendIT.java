package it.io.stepcache.liberty;

import static it.io.stepcache.liberty.Api.path;
import static it.io.stepcache.liberty.Api.request;
import static it.io.stepcache.liberty.Chat.body;
import static it.io.stepcache.liberty.Chat.completion;
import static it.io.stepcache.liberty.Chat.content;
import static it.io.stepcache.liberty.Chat.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.TaskRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * StepCache on the real llama-server (tiny random-weight model: real protocol and speed, gibberish
 * text), reached through a {@link FaultProxy} that can take the server down, stall it or make it
 * answer garbage. Asserts structure, determinism and StepCache's guarantees, never the model's
 * quality: math answers are right through the solver whatever the model writes, JSON is never
 * served as verified (nor cached) unless it passed the rules, REUSE keeps serving while the backend
 * is down, and backend failures are 502/504. Also: the official openai npm client against the front
 * door, and the per-request overhead over a direct call.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RealBackendIT {

  /** The model the server answers as (no stepcache.backend.openai.model is set): what a request naming none keys on. */
  private static final String SERVER_MODEL = "stepcache";

  private static final FaultProxy PROXY = FaultProxy.start(LlmServer.port());
  private static final String MATH = "math-linear";
  private static final String CHAT = "/v1/chat/completions";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.withSettings(Map.of(
        "stepcache.backend", "openai",
        "stepcache.backend.openai.baseUrl", "http://127.0.0.1:" + PROXY.port() + "/v1",
        "stepcache.backend.openai.readTimeout", "PT8S",
        "stepcache.backend.openai.maxRetries", "2",
        "stepcache.backend.openai.backoff", "PT0.05S",
        // llama-server ignores cache_salt: sent to show it does no harm
        "stepcache.backend.openai.cacheSalt", "true",
        "stepcache.clock", "real",
        "stepcache.defaultMaxTokens", "48"));
  }

  private final Api api = new Api();
  private final Chat chat = new Chat();

  @BeforeEach
  void needsTheModelServer() {
    LlmServer.assumeRunning();
    PROXY.mode(FaultProxy.Mode.PASS);
  }

  @AfterAll
  static void stopProxy() {
    PROXY.close();
  }

  private static JsonObjectBuilder math(String tenant, String prompt) {
    return request(tenant, MATH, prompt).add("temperature", 0).add("maxTokens", 32);
  }

  private static double x(JsonObject r, String var) {
    return r.getJsonObject("answer").getJsonNumber(var).doubleValue();
  }

  @Test
  void mathAnswersAreRightWhateverTheModelWritesAndRepeatExactly() {
    String t = Api.freshTenant("real-math");
    JsonObject miss = api.complete(math(t, "Solve 3x + 5 = 20."));
    assertThat(path(miss)).isEqualTo("MISS");
    assertThat(miss.getBoolean("verified")).isTrue();
    assertThat(x(miss, "x")).isEqualTo(5.0);
    // the server's own usage: the prompt is the pack's full prompt, the output at most maxTokens per call
    JsonObject usage = miss.getJsonObject("usage");
    assertThat(usage.getJsonNumber("promptTokens").longValue()).isGreaterThan(20);
    assertThat(usage.getJsonNumber("completionTokens").longValue()).isPositive();
    assertThat(miss.getJsonArray("steps")).isNotEmpty();

    JsonObject again = api.complete(math(t, "Solve 3x + 5 = 20."));
    assertThat(path(again)).isEqualTo("REUSE");
    assertThat(again.getString("output")).isEqualTo(miss.getString("output"));
    assertThat(Api.totalTokens(again)).isZero();

    JsonObject other = api.complete(math(t, "Solve 3x + 11 = 29."));
    assertThat(path(other)).isIn("REUSE", "PATCH");
    assertThat(other.getBoolean("verified")).isTrue();
    assertThat(x(other, "x")).isEqualTo(6.0);
  }

  @Test
  void jsonIsNeverServedAsVerifiedUnlessItPassedTheRules() {
    String t = Api.freshTenant("real-json");
    JsonObject schema = Json.createObjectBuilder()
        .add("type", "object")
        .add("properties", Json.createObjectBuilder()
            .add("name", Json.createObjectBuilder().add("type", "string"))
            .add("age", Json.createObjectBuilder().add("type", "integer")))
        .add("required", Json.createArrayBuilder().add("name").add("age"))
        .build();
    JsonObjectBuilder req = request(t, "json", "Extract name and age as JSON: Alice is 31 years old.")
        .add("schema", schema).add("temperature", 0).add("maxTokens", 48);
    JsonObject first = api.complete(req);
    assertThat(path(first)).isEqualTo("MISS");
    if (first.getBoolean("verified")) {
      // what passed the rules is grounded in the text and meets the schema
      JsonObject answer = first.getJsonObject("answer");
      assertThat(answer.getString("name")).isEqualTo("Alice");
      assertThat(answer.getInt("age")).isEqualTo(31);
    } else {
      // the random model's JSON is not grounded: flagged, with findings, and not cached
      assertThat(first.getJsonArray("findings")).isNotEmpty();
      JsonObject second = api.complete(request(t, "json", "Extract name and age as JSON: Alice is 31 years old.")
          .add("schema", schema).add("temperature", 0).add("maxTokens", 48));
      assertThat(path(second)).as("an unverified answer must not be stored").isEqualTo("MISS");
      assertThat(second.getBoolean("verified")).isFalse();
    }
    // through the front door the verdict is in a header
    HttpResponse<String> r = chat.post(CHAT, body("Extract name and age as JSON: Bob is 42 years old.")
        .add("temperature", 0).add("max_tokens", 48)
        .add("response_format", Json.createObjectBuilder().add("type", "json_schema")
            .add("json_schema", Json.createObjectBuilder().add("name", "person").add("schema", schema)))
        .build().toString(), "X-StepCache-Task", "json", "X-StepCache-Tenant", t);
    completion(r);
    assertThat(header(r, "X-StepCache-Verified")).isIn("true", "false");
    if (header(r, "X-StepCache-Verified").equals("true")) {
      JsonObject answer = Chat.parse(content(Chat.parse(r.body())));
      assertThat(answer.getString("name")).isEqualTo("Bob");
      assertThat(answer.getInt("age")).isEqualTo(42);
    }
  }

  @Test
  void reuseKeepsServingWhileTheBackendIsDownAndMissIs502() {
    String t = Api.freshTenant("real-down");
    JsonObject miss = api.complete(math(t, "Solve 2x + 3 = 13."));
    assertThat(path(miss)).isEqualTo("MISS");

    PROXY.mode(FaultProxy.Mode.DOWN);
    JsonObject reuse = api.complete(math(t, "Solve 2x + 3 = 13."));
    assertThat(path(reuse)).isEqualTo("REUSE");
    assertThat(x(reuse, "x")).isEqualTo(5.0);
    JsonObject renamed = api.complete(math(t, "Find z if 2z + 3 = 13."));
    assertThat(path(renamed)).isEqualTo("REUSE");
    assertThat(x(renamed, "z")).isEqualTo(5.0);
    // the model is part of the key: the native requests name none, so they keyed on the server's model
    HttpResponse<String> viaFrontDoor = chat.post(CHAT, body("Solve 2x + 3 = 13.").add("model", SERVER_MODEL).build()
        .toString(), "X-StepCache-Task", MATH, "X-StepCache-Tenant", t);
    assertThat(header(viaFrontDoor, "X-StepCache-Path")).isEqualTo("REUSE");

    JsonObject problem = api.problem(Api.JSON, math(Api.freshTenant("real-down2"), "Solve 2x + 3 = 13.").build()
        .toString(), 502, "BACKEND_FAILED");
    assertThat(problem.getString("detail")).contains("Cannot reach the backend").contains("connection refused");
    JsonObject error = Chat.error(chat.post(CHAT, body("Solve 2x + 3 = 13.").build().toString(),
        "X-StepCache-Task", MATH, "X-StepCache-Tenant", Api.freshTenant("real-down3")), 502, "BACKEND_FAILED");
    assertThat(error.getString("message")).contains("Cannot reach the backend");

    PROXY.mode(FaultProxy.Mode.PASS);
    assertThat(path(api.complete(math(Api.freshTenant("real-up"), "Solve 2x + 3 = 13.")))).isEqualTo("MISS");
  }

  @Test
  void aStalledBackendIs504AndGarbageIs502() {
    PROXY.mode(FaultProxy.Mode.STALL);
    long t0 = System.nanoTime();
    JsonObject timeout = api.problem(Api.JSON, math(Api.freshTenant("real-stall"), "Solve 7x + 1 = 15.").build()
        .toString(), 504, "BACKEND_TIMEOUT");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(timeout.getString("detail")).contains("did not answer within 8000 ms");
    assertThat(ms).as("readTimeout PT8S, not retried").isBetween(7_900L, 14_000L);

    PROXY.mode(FaultProxy.Mode.GARBAGE);
    JsonObject garbage = api.problem(Api.JSON, math(Api.freshTenant("real-garbage"), "Solve 7x + 1 = 15.").build()
        .toString(), 502, "BACKEND_FAILED");
    assertThat(garbage.getString("detail")).contains("not an OpenAI chat completion").contains("<html>");
  }

  @Test
  void http503IsRetriedWithinTheBound() {
    PROXY.fail503(2); // maxRetries=2: the third attempt gets through
    JsonObject ok = api.complete(math(Api.freshTenant("real-503"), "Solve 9x + 1 = 28."));
    assertThat(path(ok)).isEqualTo("MISS");
    assertThat(x(ok, "x")).isEqualTo(3.0);

    PROXY.fail503(3);
    JsonObject failed = api.problem(Api.JSON, math(Api.freshTenant("real-503b"), "Solve 9x + 1 = 28.").build()
        .toString(), 502, "BACKEND_FAILED");
    assertThat(failed.getString("detail")).contains("HTTP 503").contains("3 attempts");
    PROXY.fail503(0);
  }

  @Test
  void frontDoorStreamsTheRealModelsAnswerStepByStep() {
    String t = Api.freshTenant("real-stream");
    String req = body("Solve 6x + 4 = 40.").add("temperature", 0).add("max_tokens", 32).add("stream", true).build()
        .toString();
    HttpResponse<String> miss = chat.post(CHAT, req, "X-StepCache-Task", MATH, "X-StepCache-Tenant", t);
    List<JsonObject> chunks = Chat.events(miss);
    assertThat(header(miss, "X-StepCache-Path")).isEqualTo("MISS");
    int steps = chunks.get(chunks.size() - 1).getJsonObject("stepcache").getInt("totalSteps");
    assertThat(chunks).as("role chunk, one chunk per step, finish chunk").hasSize(steps + 2);
    String streamed = Chat.streamedContent(chunks);
    assertThat(streamed).endsWith("x = 6");

    HttpResponse<String> again = chat.post(CHAT, req, "X-StepCache-Task", MATH, "X-StepCache-Tenant", t);
    assertThat(header(again, "X-StepCache-Path")).isEqualTo("REUSE");
    assertThat(Chat.streamedContent(Chat.events(again))).isEqualTo(streamed);
  }

  @Test
  void theOfficialOpenAiNpmClientWorksAgainstTheFrontDoor() throws Exception {
    Path dir = Path.of("target", "openai-client");
    Files.createDirectories(dir);
    for (String f : List.of("package.json", "client.mjs")) {
      Files.copy(Path.of("src", "test", "node", "openai-client", f), dir.resolve(f),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("openai"))) {
      Process npm = run(dir, Map.of(), "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
      boolean done = npm.waitFor(300, TimeUnit.SECONDS);
      String log = done ? output(npm) : "(timed out)";
      if (!done || npm.exitValue() != 0) {
        String why = "npm install openai failed: " + log;
        if (Boolean.getBoolean("llm.required")) {
          throw new AssertionError(why);
        }
        Assumptions.abort("Skipped: " + why);
      }
    }
    String tenant = Api.freshTenant("npm");
    Process node = run(dir, Map.of("STEPCACHE_BASE_URL", "http://localhost:" + System.getProperty("it.http.port", "9180")
        + "/v1", "STEPCACHE_API_KEY", ItKeys.forTenant(tenant)), "node", "client.mjs");
    assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node client.mjs finished").isTrue();
    String out = output(node);
    assertThat(node.exitValue()).as("node client.mjs: %s", out).isZero();
    String[] lines = out.strip().split("\n");
    JsonObject report = Chat.parse(lines[lines.length - 1]);

    assertThat(report.getJsonArray("models").getString(0)).isEqualTo("stepcache");
    JsonObject c = report.getJsonObject("completion");
    assertThat(c.getString("object")).isEqualTo("chat.completion");
    assertThat(c.getString("role")).isEqualTo("assistant");
    assertThat(c.getString("finish_reason")).isEqualTo("stop");
    assertThat(c.getString("content")).endsWith("x = 5");
    assertThat(c.getJsonObject("usage").getInt("total_tokens")).isPositive();
    assertThat(c.getJsonObject("headers").getString("x-stepcache-path")).isEqualTo("MISS");
    assertThat(c.getJsonObject("headers").getString("x-stepcache-task")).isEqualTo(MATH);

    JsonObject s = report.getJsonObject("stream");
    assertThat(s.getString("content")).isEqualTo(c.getString("content"));
    assertThat(s.getString("role")).isEqualTo("assistant");
    assertThat(s.getString("finish_reason")).isEqualTo("stop");
    assertThat(s.getInt("chunks")).isGreaterThan(3);
    assertThat(s.getJsonObject("usage").getInt("total_tokens")).isZero();
    assertThat(s.getJsonObject("headers").getString("x-stepcache-path")).isEqualTo("REUSE");

    JsonObject e = report.getJsonObject("error");
    assertThat(e.getString("name")).isEqualTo("BadRequestError");
    assertThat(e.getInt("status")).isEqualTo(400);
    assertThat(e.getString("code")).isEqualTo("UNSUPPORTED_PARAMETER");
    assertThat(e.getString("param")).isEqualTo("top_p");
  }

  private static Process run(Path dir, Map<String, String> env, String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      pb.environment().putAll(env);
      return pb.start();
    } catch (IOException e) {
      if (Boolean.getBoolean("llm.required")) {
        throw new UncheckedIOException("cannot run " + command[0] + " (Node.js and npm are required in CI)", e);
      }
      Assumptions.abort("Skipped: " + command[0] + " is not installed: " + e.getMessage());
      return null;
    }
  }

  private static String output(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  // ----------------------------------------------------------------------------------------------
  // overhead: a MISS through StepCache against the same call made directly, and the REUSE path

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  /** POSTs {@code body}, with {@code key} as the bearer key unless null; the milliseconds it took. */
  private static double post(URI uri, String body, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    HttpRequest request = b.build();
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      LAST_BODY.set(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static final ThreadLocal<String> LAST_BODY = new ThreadLocal<>();

  private static double percentile(List<Double> values, double p) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    return s.get((int) Math.min(s.size() - 1, Math.round(p * (s.size() - 1))));
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  @Test
  void measureMissOverheadOverADirectCallAndTheReusePath() throws IOException {
    // the deployment's stepcache.defaultMaxTokens: a MISS's model call has that limit whatever smaller maxTokens the
    // request names (the whole answer is generated and cached, the served one is cut), so the direct call gets it too
    int maxTokens = 48;
    int rounds = Integer.getInteger("overhead.rounds", 60);
    int warmUp = 60; // the deployment is fresh: let the JIT compile the MISS path first
    String prompt = "Solve 3x + 5 = 20.";
    String full = new MathTaskPack().parts(PackContext.of(Map.of())).prompts().fullPrompt(TaskRequest.of(prompt));
    // exactly what the backend client sends for this request
    String direct = Json.createObjectBuilder()
        .add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user").add("content", full)))
        .add("max_tokens", maxTokens).add("temperature", 0.0).build().toString();
    URI llama = URI.create(LlmServer.baseUrl() + "/chat/completions");
    URI proxied = URI.create("http://127.0.0.1:" + PROXY.port() + "/v1/chat/completions");
    URI stepcache = URI.create("http://localhost:" + System.getProperty("it.http.port", "9180") + "/api/v1/completions");
    URI frontDoor = URI.create("http://localhost:" + System.getProperty("it.http.port", "9180") + CHAT);

    List<Double> directMs = new ArrayList<>();
    List<Double> proxiedMs = new ArrayList<>();
    List<Double> missMs = new ArrayList<>();
    List<Double> missEngineMs = new ArrayList<>();
    long directPromptTokens = -1;
    long missPromptTokens = -1;
    for (int i = -warmUp; i < rounds; i++) {
      double d = post(llama, direct, null);
      directPromptTokens = Chat.parse(LAST_BODY.get()).getJsonObject("usage").getJsonNumber("prompt_tokens").longValue();
      double p = post(proxied, direct, null);
      String missTenant = Api.freshTenant("ovh");
      String miss = request(missTenant, MATH, prompt).add("temperature", 0.0).add("maxTokens", maxTokens)
          .build().toString();
      double m = post(stepcache, miss, ItKeys.forTenant(missTenant));
      JsonObject r = Chat.parse(LAST_BODY.get());
      assertThat(path(r)).isEqualTo("MISS");
      missPromptTokens = r.getJsonObject("usage").getJsonNumber("promptTokens").longValue();
      if (i >= 0) {
        directMs.add(d);
        proxiedMs.add(p);
        missMs.add(m);
        missEngineMs.add(r.getJsonNumber("latencyMs").doubleValue());
      }
    }
    assertThat(missPromptTokens).as("a MISS makes exactly one model call here").isEqualTo(directPromptTokens);

    String tenant = Api.freshTenant("ovh-reuse");
    String reuse = request(tenant, MATH, prompt).add("temperature", 0.0).add("maxTokens", maxTokens).build().toString();
    String reuseKey = ItKeys.forTenant(tenant);
    post(stepcache, reuse, reuseKey);
    String reuseChat = body(prompt).add("model", SERVER_MODEL).add("temperature", 0.0).add("max_tokens", maxTokens)
        .build().toString();
    List<Double> reuseMs = new ArrayList<>();
    List<Double> reuseEngineMs = new ArrayList<>();
    List<Double> reuseChatMs = new ArrayList<>();
    for (int i = -10; i < rounds * 2; i++) {
      double r = post(stepcache, reuse, reuseKey);
      JsonObject o = Chat.parse(LAST_BODY.get());
      assertThat(path(o)).isEqualTo("REUSE");
      long t0 = System.nanoTime();
      HttpResponse<String> c = chat.post(CHAT, reuseChat, "X-StepCache-Task", MATH, "X-StepCache-Tenant", tenant);
      double cm = (System.nanoTime() - t0) / 1e6;
      assertThat(header(c, "X-StepCache-Path")).isEqualTo("REUSE");
      if (i >= 0) {
        reuseMs.add(r);
        reuseEngineMs.add(o.getJsonNumber("latencyMs").doubleValue());
        reuseChatMs.add(cm);
      }
    }
    List<Double> paired = new ArrayList<>();
    for (int i = 0; i < missMs.size(); i++) {
      paired.add(missMs.get(i) - proxiedMs.get(i));
    }
    double overhead = percentile(paired, 0.5);
    double overheadDirect = percentile(missMs, 0.5) - percentile(directMs, 0.5);
    String table = String.format(Locale.ROOT, String.join("\n",
        "StepCache overhead in front of llama-server (tiny random model, %d output tokens, temperature 0,",
        "%d rounds after %d warm-up rounds, client-side wall time over loopback HTTP, ms):",
        "  %-44s p50 %7.2f  mean %7.2f  p95 %7.2f",
        "  %-44s p50 %7.2f  mean %7.2f  p95 %7.2f",
        "  %-44s p50 %7.2f  mean %7.2f  p95 %7.2f",
        "  %-44s p50 %7.2f  mean %7.2f  p95 %7.2f",
        "  MISS overhead over the same call (same network path): %.2f ms (median of per-round differences)",
        "  MISS overhead over a direct call to llama-server:     %.2f ms (p50 difference)",
        "  %-44s p50 %7.2f  mean %7.2f  p95 %7.2f",
        "  %-44s p50 %7.2f  mean %7.2f  p95 %7.2f",
        "  %-44s p50 %7.2f  mean %7.2f  p95 %7.2f"),
        maxTokens, rounds, warmUp,
        "direct call to llama-server", percentile(directMs, 0.5), mean(directMs), percentile(directMs, 0.95),
        "same call through the test proxy", percentile(proxiedMs, 0.5), mean(proxiedMs), percentile(proxiedMs, 0.95),
        "StepCache MISS (native API, via the proxy)", percentile(missMs, 0.5), mean(missMs), percentile(missMs, 0.95),
        "  of which inside the engine (latencyMs)", percentile(missEngineMs, 0.5), mean(missEngineMs),
        percentile(missEngineMs, 0.95),
        overhead, overheadDirect,
        "StepCache REUSE (native API)", percentile(reuseMs, 0.5), mean(reuseMs), percentile(reuseMs, 0.95),
        "  of which inside the engine (latencyMs)", percentile(reuseEngineMs, 0.5), mean(reuseEngineMs),
        percentile(reuseEngineMs, 0.95),
        "StepCache REUSE (OpenAI front door)", percentile(reuseChatMs, 0.5), mean(reuseChatMs),
        percentile(reuseChatMs, 0.95));
    System.out.println(table);
    Files.writeString(Path.of("target", "stepcache-overhead.txt"), table + "\n");
    // a sanity bound, not the 5 ms target: the machine is shared with other builds
    assertThat(overhead).isLessThan(100.0);
    assertThat(percentile(reuseMs, 0.5)).isLessThan(100.0);
  }
}
