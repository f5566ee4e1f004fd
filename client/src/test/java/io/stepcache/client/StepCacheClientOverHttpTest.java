package io.stepcache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The interface through a real MicroProfile Rest Client implementation outside any container (RESTEasy
 * MicroProfile, with Yasson and SmallRye Config) against {@link CannedServer}: request, response, problems, keys.
 */
class StepCacheClientOverHttpTest {

  private static final String PROBLEM = "application/problem+json";

  private CannedServer server;
  private StepCacheClient client;

  @BeforeEach
  void start() {
    server = new CannedServer();
    client = StepCacheClients.create(server.base(), "sck_explicit_notasecret");
  }

  @AfterEach
  void stop() throws Exception {
    close(client);
    server.close();
  }

  private static void close(Object restClient) throws Exception {
    if (restClient instanceof AutoCloseable c) {
      c.close();
    }
  }

  @Test
  void postsTheRequestAndReadsTheCompletion() {
    server.answer(200, "application/json", Samples.MISS, Map.of());

    Completion c = client.complete(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear"));

    assertThat(c.path()).isEqualTo(CachePath.MISS);
    assertThat(c.verification()).isEqualTo(TrustLevel.CHECKED);
    assertThat(c.answer()).isEqualTo(Json.createObjectBuilder().add("x", 5).build());
    assertThat(c.usage().totalTokens()).isEqualTo(68);
    CannedServer.Received r = server.last();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/api/v1/completions");
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.header("Accept")).contains("application/json");
    assertThat(r.header("Authorization")).as("the builder's key wins over the configured one")
        .isEqualTo("Bearer sck_explicit_notasecret");
    assertThat(Json.createReader(new StringReader(r.body())).readObject())
        .isEqualTo(Json.createObjectBuilder().add("prompt", "Solve 3x + 5 = 20.").add("task", "math-linear").build());
  }

  @Test
  void readsAnAnswerOfANewerServer() {
    server.answer(200, "application/json;charset=UTF-8", Samples.FROM_A_NEWER_SERVER, Map.of());

    Completion c = client.complete(CompletionRequest.of("Solve 3x + 7 = 28."));

    assertThat(c.path()).isEqualTo(CachePath.REUSE);
    assertThat(c.steps()).hasSize(2);
  }

  @Test
  void sendsTheConfiguredKeyWhenTheBuilderHasNone() throws Exception {
    server.answer(200, "application/json", Samples.MISS, Map.of());
    StepCacheClient configured = RestClientBuilder.newBuilder().baseUri(server.base()).build(StepCacheClient.class);
    try {
      configured.complete(CompletionRequest.of("Solve 3x + 5 = 20."));
    } finally {
      close(configured);
    }

    // src/test/resources/META-INF/microprofile-config.properties
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer sck_fromconfig_notasecret");
  }

  @Test
  void aProblemIsThrownWithItsCode() {
    server.answer(404, PROBLEM, Samples.PROBLEM_UNKNOWN_TASK, Map.of());

    StepCacheProblemException e = catchThrowableOfType(StepCacheProblemException.class,
        () -> client.complete(CompletionRequest.of("Solve 3x + 5 = 20.", "algebra")));

    assertThat(e.status()).isEqualTo(404);
    assertThat(e.code()).isEqualTo("UNKNOWN_TASK");
    assertThat(e.title()).isEqualTo("Unknown task");
    assertThat(e.detail()).contains("'algebra'");
    assertThat(e.problem().type()).isEqualTo("https://stepcache.io/problems/unknown-task");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e).hasMessage("StepCache answered 404 UNKNOWN_TASK: " + e.detail());
  }

  @Test
  void aTaskProblemCarriesThePacksCode() {
    server.answer(400, PROBLEM, Samples.PROBLEM_TASK_INPUT, Map.of());

    StepCacheProblemException e = catchThrowableOfType(StepCacheProblemException.class,
        () -> client.complete(CompletionRequest.of("Extract it", "json")));

    assertThat(e.code()).isEqualTo("TASK_INPUT_INVALID");
    assertThat(e.problem().taskCode()).isEqualTo("JSON_SCHEMA_INVALID");
  }

  @Test
  void refusedCallersGetTheAccessProblems() {
    server.answer(401, PROBLEM, Samples.PROBLEM_UNAUTHORIZED, Map.of("WWW-Authenticate", "Bearer realm=\"StepCache\""));
    StepCacheProblemException unauthorized = catchThrowableOfType(StepCacheProblemException.class,
        () -> client.complete(CompletionRequest.of("Solve 3x + 5 = 20.")));
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.code()).isEqualTo("UNAUTHORIZED");

    server.answer(429, PROBLEM, Samples.PROBLEM_THROTTLED, Map.of("Retry-After", "5"));
    StepCacheProblemException throttled = catchThrowableOfType(StepCacheProblemException.class,
        () -> client.complete(CompletionRequest.of("Solve 3x + 5 = 20.")));
    assertThat(throttled.code()).isEqualTo("AUTH_THROTTLED");
    assertThat(throttled.retryAfter()).hasValue(Duration.ofSeconds(5));
  }

  @Test
  void anErrorWithoutAProblemBodyIsStillAProblem() {
    server.answer(502, "text/html", "<html><body>upstream is down</body></html>", Map.of());

    StepCacheProblemException e = catchThrowableOfType(StepCacheProblemException.class,
        () -> client.complete(CompletionRequest.of("Solve 3x + 5 = 20.")));

    assertThat(e.status()).isEqualTo(502);
    assertThat(e.code()).isEqualTo("HTTP_502");
    assertThat(e.detail()).contains("text/html").contains("upstream is down");
  }
}
