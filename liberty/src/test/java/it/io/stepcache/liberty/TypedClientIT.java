package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepcache.client.CachePath;
import io.stepcache.client.Completion;
import io.stepcache.client.CompletionRequest;
import io.stepcache.client.StepCacheClient;
import io.stepcache.client.StepCacheClients;
import io.stepcache.client.StepCacheProblemException;
import io.stepcache.client.StepOrigin;
import io.stepcache.client.TrustLevel;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePaths;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The typed client (module {@code client}) against the real server: the example application (examples/client-app),
 * deployed beside StepCache, injects {@code @RestClient StepCacheClient} and serves all four paths and a refusal
 * through it; and the test JVM itself builds one with {@code RestClientBuilder} (RESTEasy MicroProfile).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TypedClientIT {

  /** The example application's tenant: fresh, since the IT server keeps its cache between runs. */
  private static final String APP_TENANT = Api.freshTenant("typed-app");

  private final Api api = new Api();

  @Deployment(name = "stepcache", order = 1, testable = false)
  static WebArchive stepcache() {
    return Deployments.war();
  }

  /**
   * The example WAR with its microprofile-config.properties replaced by this server's URL and a client key of
   * {@link #APP_TENANT}. The key can only be issued once StepCache runs, so the file is written when Arquillian
   * exports the archive to deploy it, which is after StepCache (order 1) has started.
   */
  @Deployment(name = "client-app", order = 2, testable = false)
  static WebArchive clientApp() {
    File war = new File(System.getProperty("it.client.app.war", "target/it-apps/client-app.war"));
    assertThat(war).as("the example application's WAR (built by examples/client-app, copied by liberty/pom.xml)")
        .isFile();
    WebArchive app = ShrinkWrap.createFromZipFile(WebArchive.class, war);
    String config = "/WEB-INF/classes/META-INF/microprofile-config.properties";
    app.delete(config);
    app.add(new ConfigWrittenAtDeployment(), ArchivePaths.create(config));
    return app;
  }

  /** The example's configuration: made when first read, i.e. when the archive is exported for deployment. */
  private static final class ConfigWrittenAtDeployment implements Asset {
    @Override
    public InputStream openStream() {
      String text = "stepcache/mp-rest/url=" + base() + "\n"
          + "stepcache.client.apiKey=" + ItKeys.forTenant(APP_TENANT) + "\n";
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static URI base() {
    return URI.create("http://localhost:" + System.getProperty("it.http.port", "9180"));
  }

  /** {@code GET /client-app/ask}: the example application asks StepCache through its injected client. */
  private HttpResponse<String> ask(String prompt, String task) {
    String query = "prompt=" + URLEncoder.encode(prompt, StandardCharsets.UTF_8)
        + (task == null ? "" : "&task=" + URLEncoder.encode(task, StandardCharsets.UTF_8));
    return api.get("/client-app/ask?" + query);
  }

  private JsonObject answer(String prompt, String task) {
    HttpResponse<String> r = ask(prompt, task);
    assertThat(r.statusCode()).as("the example application's answer to %s: %s", prompt, r.body()).isEqualTo(200);
    return Api.parse(r.body()).asJsonObject();
  }

  private static List<String> origins(JsonObject answer) {
    return answer.getJsonArray("origins").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static double x(JsonObject answer) {
    return answer.getJsonObject("answer").getJsonNumber("x").doubleValue();
  }

  @Test
  void theInjectedClientServesAllFourPaths() {
    // MISS: nothing cached for the application's tenant
    JsonObject miss = answer("Solve 19x - 18 = -18.", "math-linear");
    assertThat(miss.getString("path")).isEqualTo("MISS");
    assertThat(miss.getBoolean("verified")).isTrue();
    assertThat(miss.getString("verification")).isEqualTo("checked");
    assertThat(miss.getString("task")).isEqualTo("math-linear");
    assertThat(x(miss)).isEqualTo(0.0);
    assertThat(origins(miss)).containsOnly("GENERATED");
    assertThat(miss.getJsonNumber("totalTokens").longValue()).isPositive();

    // PATCH: the cached "x = 0" stays literal, fails for 2x + 7 = 19, and only the failing steps are asked for
    JsonObject patch = answer("Solve 2x + 7 = 19.", "math-linear");
    assertThat(patch.getString("path")).isEqualTo("PATCH");
    assertThat(patch.getBoolean("verified")).isTrue();
    assertThat(x(patch)).isEqualTo(6.0);
    assertThat(origins(patch)).contains("REUSED").containsAnyOf("REGENERATED", "REPAIRED", "SOLVED");
    assertThat(patch.getString("output")).contains("x = 6");

    // REUSE: the patched answer was stored with its numbers abstracted; no model call
    JsonObject reuse = answer("Solve 4x + 3 = 11.", "math-linear");
    assertThat(reuse.getString("path")).isEqualTo("REUSE");
    assertThat(x(reuse)).isEqualTo(2.0);
    assertThat(origins(reuse)).containsOnly("REUSED");
    assertThat(reuse.getJsonNumber("totalTokens").longValue()).isZero();

    // SKIP: a similar answer is cached, but the equation's shape changed (x on both sides): reuse is unsafe
    JsonObject skip = answer("Solve 4x + 3 = 2x + 11.", "math-linear");
    assertThat(skip.getString("path")).isEqualTo("SKIP");
    assertThat(skip.getBoolean("verified")).isTrue();
    assertThat(x(skip)).isEqualTo(4.0);
    assertThat(origins(skip)).doesNotContain("REUSED");
  }

  @Test
  void aRefusalReachesTheApplicationAsTheProblemsCode() {
    HttpResponse<String> empty = ask("   ", "math-linear");
    assertThat(empty.statusCode()).as("the example shows a refusal as 502: %s", empty.body()).isEqualTo(502);
    JsonObject refusal = Api.parse(empty.body()).asJsonObject();
    assertThat(refusal.getInt("status")).isEqualTo(400);
    assertThat(refusal.getString("code")).isEqualTo("PROMPT_EMPTY");
    assertThat(refusal.getString("title")).isEqualTo("Prompt is empty");
    assertThat(refusal.getString("detail")).contains("'prompt'");

    JsonObject unknown = Api.parse(ask("Solve 3x + 5 = 20.", "algebra").body()).asJsonObject();
    assertThat(unknown.getInt("status")).isEqualTo(404);
    assertThat(unknown.getString("code")).isEqualTo("UNKNOWN_TASK");
    assertThat(unknown.getString("detail")).contains("algebra");
  }

  @Test
  void restClientBuilderFromOutsideTheServer() throws Exception {
    String tenant = Api.freshTenant("typed-builder");
    StepCacheClient client = StepCacheClients.create(base(), ItKeys.forTenant(tenant));
    try {
      Completion miss = client.complete(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear"));
      assertThat(miss.path()).isEqualTo(CachePath.MISS);
      assertThat(miss.verification()).isEqualTo(TrustLevel.CHECKED);
      assertThat(miss.similarity()).isNull();
      assertThat(miss.answer().asJsonObject().getJsonNumber("x").doubleValue()).isEqualTo(5.0);
      assertThat(miss.usage().totalTokens()).isPositive();
      assertThat(miss.steps()).extracting(s -> s.origin()).containsOnly(StepOrigin.GENERATED);
      assertThat(miss.findings()).isEmpty();

      Completion reuse = client.complete(CompletionRequest.of("Find y if 3y + 5 = 20.", "math-linear"));
      assertThat(reuse.path()).isEqualTo(CachePath.REUSE);
      assertThat(reuse.similarity()).isEqualTo(1.0);
      assertThat(reuse.usage().totalTokens()).isZero();
      assertThat(reuse.answer().asJsonObject().getJsonNumber("y").doubleValue()).isEqualTo(5.0);

      // the tenant is the key's: naming another one is 403 FORBIDDEN
      StepCacheProblemException forbidden = catchThrowableOfType(StepCacheProblemException.class, () ->
          client.complete(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear").withTenant(APP_TENANT)));
      assertThat(forbidden.status()).isEqualTo(403);
      assertThat(forbidden.code()).isEqualTo("FORBIDDEN");

      // a pack's own refusal carries its code
      StepCacheProblemException blankKey = catchThrowableOfType(StepCacheProblemException.class, () ->
          client.complete(CompletionRequest.of("Extract name as JSON: Alice is 31.", "json")
              .withRequiredKeys(List.of("name", " "))));
      assertThat(blankKey.status()).isEqualTo(400);
      assertThat(blankKey.code()).isEqualTo("TASK_INPUT_INVALID");
      assertThat(blankKey.problem().taskCode()).isEqualTo("JSON_KEY_INVALID");
    } finally {
      ((AutoCloseable) client).close();
    }

    // a wrong key (one failure: far from the throttle's lock) is 401 UNAUTHORIZED
    StepCacheClient wrongKey = StepCacheClients.create(base(), ItKeys.wrong(ItKeys.forTenant(tenant)));
    try {
      StepCacheProblemException unauthorized = catchThrowableOfType(StepCacheProblemException.class,
          () -> wrongKey.complete(CompletionRequest.of("Solve 3x + 5 = 20.")));
      assertThat(unauthorized.status()).isEqualTo(401);
      assertThat(unauthorized.code()).isEqualTo("UNAUTHORIZED");
      assertThat(unauthorized.problem().type()).isEqualTo("https://stepcache.io/problems/unauthorized");
    } finally {
      ((AutoCloseable) wrongKey).close();
    }
  }
}
