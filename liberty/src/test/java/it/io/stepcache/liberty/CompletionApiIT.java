package it.io.stepcache.liberty;

import static it.io.stepcache.liberty.Api.path;
import static it.io.stepcache.liberty.Api.request;
import static it.io.stepcache.liberty.Api.totalTokens;
import static it.io.stepcache.liberty.Api.withKeys;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP API of the real WAR in a managed Liberty: the four paths for both packs, tenant
 * isolation, problem+json errors, and the MicroProfile endpoints. Black-box: every test talks HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompletionApiIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/stepcache.war"));
  }

  private final Api api = new Api();

  private static double number(JsonObject answer, String name) {
    return answer.getJsonNumber(name).doubleValue();
  }

  private static List<String> origins(JsonObject r) {
    List<String> out = new ArrayList<>();
    for (JsonValue s : r.getJsonArray("steps")) {
      out.add(s.asJsonObject().getString("origin"));
    }
    return out;
  }

  @Test
  void mathLinearMissReusePatchSkip() {
    String t = Api.freshTenant("math");

    // MISS: nothing cached for this tenant; a full generation, verified and stored
    JsonObject miss = api.complete(request(t, "math-linear", "Solve 3x + 5 = 20."));
    assertThat(path(miss)).isEqualTo("MISS");
    assertThat(miss.getString("task")).isEqualTo("math-linear");
    assertThat(miss.getBoolean("verified")).isTrue();
    assertThat(miss.getString("verification")).isEqualTo("checked");
    assertThat(number(miss.getJsonObject("answer"), "x")).isEqualTo(5.0);
    assertThat(miss.isNull("similarity")).isTrue();
    assertThat(totalTokens(miss)).isPositive();
    assertThat(origins(miss)).containsOnly("GENERATED");
    // the simulated model's latency (0.15 s + 300 prompt / 43 output tokens per second) is reported
    assertThat(miss.getJsonNumber("latencyMs").doubleValue()).isGreaterThan(500.0);

    // REUSE: same equation, renamed unknown; every cached step rebinds and verifies, no model call
    JsonObject renamed = api.complete(request(t, "math-linear", "Find y if 3y + 5 = 20."));
    assertThat(path(renamed)).isEqualTo("REUSE");
    assertThat(number(renamed.getJsonObject("answer"), "y")).isEqualTo(5.0);
    assertThat(totalTokens(renamed)).isZero();
    assertThat(origins(renamed)).containsOnly("REUSED");
    assertThat(renamed.getJsonNumber("latencyMs").doubleValue()).isLessThan(500.0);
    assertThat(renamed.getJsonNumber("similarity").doubleValue()).isEqualTo(1.0);

    // REUSE with new constants: every number of the cached steps is abstracted ("Subtract 5": 5 is
    // both b and x, told apart by checking each reading on made-up constants)
    JsonObject constants = api.complete(request(t, "math-linear", "Solve 3x + 7 = 22."));
    assertThat(path(constants)).isEqualTo("REUSE");
    assertThat(number(constants.getJsonObject("answer"), "x")).isEqualTo(5.0);
    assertThat(constants.getJsonArray("steps").getJsonObject(0).getString("text")).contains("7");
    assertThat(totalTokens(constants)).isZero();

    // PATCH (another tenant): in the cached "Divide both sides by 19: x = 0" the solution 0 stays
    // literal, fails for 2x + 7 = 19, and the model continues from the verified first step
    String p = Api.freshTenant("math-patch");
    assertThat(path(api.complete(request(p, "math-linear", "Solve 19x - 18 = -18.")))).isEqualTo("MISS");
    JsonObject patch = api.complete(request(p, "math-linear", "Solve 2x + 7 = 19."));
    assertThat(path(patch)).isEqualTo("PATCH");
    assertThat(patch.getBoolean("verified")).isTrue();
    assertThat(number(patch.getJsonObject("answer"), "x")).isEqualTo(6.0);
    assertThat(origins(patch)).contains("REUSED").containsAnyOf("REGENERATED", "REPAIRED", "SOLVED");
    assertThat(patch.getJsonArray("steps").getJsonObject(0).getString("text")).contains("7");
    assertThat(totalTokens(patch)).isPositive();

    // REUSE with other constants: the patched answer was stored with every number abstracted
    JsonObject reuse = api.complete(request(p, "math-linear", "Solve 4x + 3 = 11."));
    assertThat(path(reuse)).isEqualTo("REUSE");
    assertThat(number(reuse.getJsonObject("answer"), "x")).isEqualTo(2.0);
    assertThat(totalTokens(reuse)).isZero();
    assertThat(origins(reuse)).containsOnly("REUSED");

    // SKIP: a similar cached answer exists, but the equation's shape changed, so reuse is unsafe
    JsonObject skip = api.complete(request(t, "math-linear", "Solve 3x + 5 = 2x + 20."));
    assertThat(path(skip)).isEqualTo("SKIP");
    assertThat(skip.getBoolean("verified")).isTrue();
    assertThat(number(skip.getJsonObject("answer"), "x")).isEqualTo(15.0);
    assertThat(skip.getJsonNumber("similarity").doubleValue()).isBetween(0.5, 1.0);
    assertThat(origins(skip)).doesNotContain("REUSED");
  }

  @Test
  void jsonMissReusePatchSkip() {
    String t = Api.freshTenant("json");
    List<String> keys = List.of("name", "age");

    JsonObject miss = api.complete(withKeys(request(t, "json", "Extract name and age as JSON: Alice is 31 years old."), keys));
    assertThat(path(miss)).isEqualTo("MISS");
    assertThat(miss.getBoolean("verified")).isTrue();
    // the rules show "Alice" plausible, not right: the answer is grounded, its steps provisional
    assertThat(miss.getString("verification")).isEqualTo("grounded");
    assertThat(miss.getJsonObject("answer").getString("name")).isEqualTo("Alice");
    assertThat(number(miss.getJsonObject("answer"), "age")).isEqualTo(31.0);

    // reused only once an independent generation (the trust worker, or a PATCH that asks again) agreed
    JsonObject reuse = api.untilReuse(withKeys(request(t, "json", "Extract name and age as JSON: Alice is 31 years old."), keys));
    assertThat(path(reuse)).isEqualTo("REUSE");
    assertThat(reuse.getString("verification")).isEqualTo("confirmed");
    assertThat(totalTokens(reuse)).isZero();
    assertThat(reuse.getJsonObject("answer")).isEqualTo(miss.getJsonObject("answer"));

    // REUSE with new values: each cached value is found again between the same words of the text
    JsonObject regrounded =
        api.complete(withKeys(request(t, "json", "Extract name and age as JSON: Bob is 42 years old."), keys));
    assertThat(path(regrounded)).isEqualTo("REUSE");
    assertThat(regrounded.getString("verification")).isEqualTo("confirmed");
    assertThat(totalTokens(regrounded)).isZero();
    assertThat(regrounded.getJsonObject("answer").getString("name")).isEqualTo("Bob");
    assertThat(number(regrounded.getJsonObject("answer"), "age")).isEqualTo(42.0);

    // PATCH: other wording, so no cached value can be found again; one focused call for the keys
    JsonObject patch =
        api.complete(withKeys(request(t, "json", "Extract name and age as JSON: Dana, aged 42, moved to Rome."), keys));
    assertThat(path(patch)).isEqualTo("PATCH");
    assertThat(patch.getBoolean("verified")).isTrue();
    assertThat(patch.getJsonObject("answer").getString("name")).isEqualTo("Dana");
    assertThat(number(patch.getJsonObject("answer"), "age")).isEqualTo(42.0);

    JsonObject schemaInt = Json.createObjectBuilder().add("type", "object")
        .add("properties", Json.createObjectBuilder()
            .add("name", Json.createObjectBuilder().add("type", "string"))
            .add("age", Json.createObjectBuilder().add("type", "integer")))
        .add("required", Json.createArrayBuilder(keys)).build();
    JsonObject schemaStr = Json.createObjectBuilder().add("type", "object")
        .add("properties", Json.createObjectBuilder()
            .add("name", Json.createObjectBuilder().add("type", "string"))
            .add("age", Json.createObjectBuilder().add("type", "string")))
        .add("required", Json.createArrayBuilder(keys)).build();
    // SKIP (a tenant holding only the integer-typed answer): the guard refuses a key whose type changed
    String typedTenant = Api.freshTenant("json-typed");
    JsonObject typed = api.complete(request(typedTenant, "json", "Extract name and age as JSON: Carol is 27 years old.")
        .add("schema", schemaInt));
    assertThat(typed.getBoolean("verified")).isTrue();
    JsonObject skip = api.complete(request(typedTenant, "json", "Extract name and age as JSON: Carol is 27 years old.")
        .add("schema", schemaStr));
    assertThat(path(skip)).isEqualTo("SKIP");
    assertThat(skip.getJsonObject("answer").getString("age")).isEqualTo("27");
  }

  @Test
  void tenantsDoNotSeeEachOthersEntries() {
    String a = Api.freshTenant("a");
    String b = Api.freshTenant("b");
    assertThat(path(api.complete(request(a, "math-linear", "Solve 4x + 2 = 18.")))).isEqualTo("MISS");
    assertThat(path(api.complete(request(a, "math-linear", "Solve 4x + 2 = 18.")))).isEqualTo("REUSE");
    JsonObject firstOfB = api.complete(request(b, "math-linear", "Solve 4x + 2 = 18."));
    assertThat(path(firstOfB)).isEqualTo("MISS");
    assertThat(number(firstOfB.getJsonObject("answer"), "x")).isEqualTo(4.0);
  }

  @Test
  void taskIsDetectedWhenNotNamed() {
    JsonObject r = api.complete(request(Api.freshTenant("detect"), null, "Solve 2x + 1 = 9."));
    assertThat(r.getString("task")).isEqualTo("math-linear");
    assertThat(number(r.getJsonObject("answer"), "x")).isEqualTo(4.0);
  }

  @Test
  void badInputsAreProblemJson() {
    api.problem(Api.JSON, "{\"prompt\": \"Solve 3x", 400, "MALFORMED_REQUEST");
    api.problem(Api.JSON, "[\"Solve 3x + 5 = 20.\"]", 400, "MALFORMED_REQUEST");
    JsonObject wrongType = api.problem(Api.JSON, "{\"prompt\": 42}", 400, "MALFORMED_REQUEST");
    assertThat(wrongType.getString("detail")).contains("'prompt'");
    api.problem(Api.JSON, "{\"prompt\": \"Solve 3x + 5 = 20.\", \"maxTokens\": \"many\"}", 400, "MALFORMED_REQUEST");
    api.problem(Api.JSON, "{\"prompt\": \"   \"}", 400, "PROMPT_EMPTY");
    api.problem(Api.JSON, "{\"task\": \"math-linear\"}", 400, "PROMPT_EMPTY");
    JsonObject unknown = api.problem(Api.JSON, "{\"prompt\": \"Solve 3x + 5 = 20.\", \"task\": \"algebra\"}", 404, "UNKNOWN_TASK");
    assertThat(unknown.getString("detail")).contains("algebra");
    String big = "{\"prompt\": \"" + "x".repeat(70_000) + "\"}";
    api.problem(Api.JSON, big, 413, "INPUT_TOO_LARGE");
    api.problem("text/plain", "Solve 3x + 5 = 20.", 415, "UNSUPPORTED_MEDIA_TYPE");
    Api.assertProblem(api.get("/api/v1/completions"), 405, "METHOD_NOT_ALLOWED");
    Api.assertProblem(api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
  }

  @Test
  void checkpointPlanEndpointAnswersAndRejectsBadInput() {
    HttpResponse<String> ok =
        api.post("/api/v1/checkpoints/plan", Api.JSON, "{\"histogram\": [1, 1, 1, 1], \"N\": 256, \"M\": 1, \"binSize\": 64}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonObject plan = Api.parse(ok.body()).asJsonObject();
    assertThat(plan.getJsonArray("positions").getInt(0)).isEqualTo(128);
    assertThat(plan.getJsonNumber("savings").doubleValue()).isBetween(0.49, 0.51);
    assertThat(plan.keySet()).contains("expectedCost");
    Api.assertProblem(
        api.post("/api/v1/checkpoints/plan", Api.JSON, "{\"histogram\": [1, -2], \"N\": 128, \"M\": 1}"),
        400, "INVALID_REQUEST");
    Api.assertProblem(api.post("/api/v1/checkpoints/plan", Api.JSON, "{\"N\": 128"), 400, "MALFORMED_REQUEST");
  }

  @Test
  void benchEchoAnswersTheBodyUnchanged() {
    // enabled on the IT server (STEPCACHE_BENCH_ECHO_ENABLED=true in the failsafe environment; off by default)
    String body = "{\"prompt\": \"Solve 3x + 5 = 20.\", \"task\": \"math-linear\", \"tenant\": \"t\", \"pad\": \"\u00e9 x\"}";
    HttpResponse<String> r = api.post("/api/v1/bench/echo", Api.JSON, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(Api.JSON));
    assertThat(r.body()).isEqualTo(body);
    // the same size limit and media type as the native API
    Api.assertProblem(api.post("/api/v1/bench/echo", Api.JSON, "{\"pad\": \"" + "x".repeat(70_000) + "\"}"),
        413, "INPUT_TOO_LARGE");
    Api.assertProblem(api.post("/api/v1/bench/echo", "text/plain", body), 415, "UNSUPPORTED_MEDIA_TYPE");
    Api.assertProblem(api.get("/api/v1/bench/echo"), 405, "METHOD_NOT_ALLOWED");
  }

  @Test
  void packsHealthMetricsAndOpenApiAnswer() {
    // pack administration is for administrators (PackAdminIT covers it in depth)
    Api.assertProblem(api.get("/api/v1/packs"), 401, "UNAUTHORIZED");
    HttpResponse<String> packs = api.get("/api/v1/packs", ItKeys.admin());
    assertThat(packs.statusCode()).as(packs.body()).isEqualTo(200);
    JsonArray list = Api.parse(packs.body()).asJsonArray();
    assertThat(list.stream().map(p -> p.asJsonObject().getString("id"))).contains("math-linear", "json");
    assertThat(list.stream().filter(p -> p.asJsonObject().getString("source").equals("classpath")))
        .allSatisfy(p -> assertThat(p.asJsonObject().getString("state")).isEqualTo("STARTED"));

    HttpResponse<String> ready = api.get("/health/ready");
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("stepcache-ready").contains("\"UP\"");
    assertThat(api.get("/health/live").statusCode()).isEqualTo(200);

    api.complete(request(Api.freshTenant("metrics"), "math-linear", "Solve 5x + 5 = 30."));
    api.problem(Api.JSON, "{\"prompt\": \"\"}", 400, "PROMPT_EMPTY");
    HttpResponse<String> metrics = api.get("/metrics?scope=application");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("stepcache_requests_total{")
        .contains("path=\"MISS\"")
        .contains("task=\"math-linear\"")
        .contains("stepcache_tokens_total{")
        .contains("kind=\"prompt\"")
        .contains("stepcache_latency_seconds")
        .as("latency buckets, for histogram_quantile").contains("stepcache_latency_seconds_bucket{")
        .contains("tenant_class=\"other\"")
        .as("model-call and verification latency apart").contains("stepcache_model_latency_seconds_bucket{")
        .contains("stepcache_verification_latency_seconds_bucket{")
        .contains("stepcache_errors_total{code=\"PROMPT_EMPTY\"");

    HttpResponse<String> openapi = api.get("/openapi");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/v1/completions")
        .contains("/api/v1/packs")
        .contains("/api/v1/bench/echo")
        .contains("CompletionRequest")
        .contains("application/problem+json");
  }
}
