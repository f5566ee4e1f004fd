package it.io.stepcache.liberty;

import static it.io.stepcache.liberty.Chat.body;
import static it.io.stepcache.liberty.Chat.completion;
import static it.io.stepcache.liberty.Chat.content;
import static it.io.stepcache.liberty.Chat.error;
import static it.io.stepcache.liberty.Chat.header;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAI-compatible front door of the real WAR (simulated backend, so every answer is known):
 * standard request and response, streaming, X-StepCache-* headers, errors in OpenAI's shape. The
 * same front door on the real llama-server, and the official openai npm client: {@link
 * RealBackendIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenAiFrontDoorIT {

  private static final String CHAT = "/v1/chat/completions";
  private static final String TASK = "X-StepCache-Task";
  private static final String TENANT = "X-StepCache-Tenant";

  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.war();
  }

  private final Chat chat = new Chat();

  @Test
  void missThenReuseWithStepCacheHeaders() {
    String tenant = Api.freshTenant("oa");
    HttpResponse<String> r = chat.post(CHAT, body("Solve 3x + 5 = 20.").add("temperature", 0).build().toString(),
        TASK, "math-linear", TENANT, tenant);
    JsonObject miss = completion(r);
    assertThat(content(miss)).endsWith("x = 5");
    assertThat(miss.getString("model")).isEqualTo("any");
    assertThat(header(r, "X-StepCache-Path")).isEqualTo("MISS");
    assertThat(header(r, "X-StepCache-Task")).isEqualTo("math-linear");
    assertThat(header(r, "X-StepCache-Verified")).isEqualTo("true");
    assertThat(header(r, "X-StepCache-Verification")).isEqualTo("checked");
    assertThat(header(r, "X-StepCache-Reused-Steps")).isEqualTo("0");
    assertThat(Integer.parseInt(header(r, "X-StepCache-Total-Steps"))).isPositive();
    assertThat(header(r, "X-StepCache-Similarity")).isNull();
    assertThat(miss.getJsonObject("usage").getInt("total_tokens")).isPositive();

    HttpResponse<String> r2 = chat.post(CHAT, body("Find y if 3y + 5 = 20.").build().toString(),
        TASK, "math-linear", TENANT, tenant);
    JsonObject reuse = completion(r2);
    assertThat(content(reuse)).endsWith("y = 5");
    assertThat(header(r2, "X-StepCache-Path")).isEqualTo("REUSE");
    assertThat(header(r2, "X-StepCache-Reused-Steps")).isEqualTo(header(r2, "X-StepCache-Total-Steps"));
    assertThat(header(r2, "X-StepCache-Similarity")).isEqualTo("1.0000");
    assertThat(reuse.getJsonObject("usage").getInt("total_tokens")).isZero();
  }

  @Test
  void streamSendsTheAnswerStepByStep() {
    String tenant = Api.freshTenant("oa-stream");
    String prompt = "Solve 4x + 2 = 18.";
    // first streamed request: a MISS, each step sent once the model wrote it and it verified
    HttpResponse<String> s1 = chat.post(CHAT, body(prompt).add("stream", true).build().toString(),
        TASK, "math-linear", TENANT, tenant);
    List<JsonObject> missChunks = Chat.events(s1);
    assertThat(header(s1, "X-StepCache-Path")).isEqualTo("MISS");
    JsonObject finish = missChunks.get(missChunks.size() - 1);
    int steps = finish.getJsonObject("stepcache").getInt("totalSteps");
    // role chunk + one chunk per step + finish chunk
    assertThat(missChunks).hasSize(steps + 2);
    JsonObject first = missChunks.get(0).getJsonArray("choices").getJsonObject(0);
    assertThat(first.getJsonObject("delta").getString("role")).isEqualTo("assistant");
    JsonObject last = finish.getJsonArray("choices").getJsonObject(0);
    assertThat(last.getString("finish_reason")).isEqualTo("stop");
    String id = missChunks.get(0).getString("id");
    assertThat(missChunks).allSatisfy(c -> assertThat(c.getString("id")).isEqualTo(id));

    // the same request without streaming (now a REUSE) has exactly the streamed content
    JsonObject plain = completion(chat.post(CHAT, body(prompt).build().toString(), TASK, "math-linear", TENANT, tenant));
    assertThat(Chat.streamedContent(missChunks)).isEqualTo(content(plain)).endsWith("x = 4");

    // include_usage: a last chunk with no choices and the usage; the others carry usage: null
    HttpResponse<String> s2 = chat.post(CHAT, body(prompt).add("stream", true)
        .add("stream_options", Json.createObjectBuilder().add("include_usage", true)).build().toString(),
        TASK, "math-linear", TENANT, tenant);
    List<JsonObject> reuseChunks = Chat.events(s2);
    assertThat(header(s2, "X-StepCache-Path")).isEqualTo("REUSE");
    JsonObject usageChunk = reuseChunks.get(reuseChunks.size() - 1);
    assertThat(usageChunk.getJsonArray("choices")).isEmpty();
    assertThat(usageChunk.getJsonObject("usage").getInt("total_tokens")).isZero();
    assertThat(reuseChunks.get(0).isNull("usage")).isTrue();
    assertThat(Chat.streamedContent(reuseChunks)).isEqualTo(content(plain));
  }

  @Test
  void taskIsDetectedAndTheTenantIsTheKeysNotTheUserField() {
    String tenant = Api.freshTenant("oa-user");
    String auth = "Bearer " + ItKeys.forTenant(tenant);
    String prompt = "Solve 2x + 1 = 9.";
    HttpResponse<String> r = chat.post(CHAT, body(prompt).add("user", "alice").build().toString(), "Authorization", auth);
    completion(r);
    assertThat(header(r, "X-StepCache-Task")).isEqualTo("math-linear");
    assertThat(header(r, "X-StepCache-Path")).isEqualTo("MISS");
    // 'user' is OpenAI's end-user id, not a tenant: another user of the same key shares the tenant's cache
    HttpResponse<String> same = chat.post(CHAT, body(prompt).add("user", "bob").build().toString(), "Authorization", auth);
    assertThat(header(same, "X-StepCache-Path")).isEqualTo("REUSE");
    // and another tenant's client naming this tenant as its user does not reach its entries
    HttpResponse<String> other = chat.post(CHAT, body(prompt).add("user", tenant).build().toString(),
        TENANT, Api.freshTenant("oa-other"));
    assertThat(header(other, "X-StepCache-Path")).isEqualTo("MISS");
    // the tenant header may repeat the key's tenant, and naming another one is refused, not re-scoped
    assertThat(header(chat.post(CHAT, body(prompt).build().toString(), "Authorization", auth, TENANT, tenant),
        "X-StepCache-Path")).isEqualTo("REUSE");
    JsonObject refused = error(chat.post(CHAT, body(prompt).build().toString(), "Authorization", auth, TENANT,
        "default"), 403, "FORBIDDEN");
    assertThat(refused.getString("message")).contains(tenant).contains("'default'");
  }

  @Test
  void jsonSchemaResponseFormatGoesToTheJsonPack() {
    JsonObject schema = Json.createObjectBuilder()
        .add("type", "object")
        .add("properties", Json.createObjectBuilder()
            .add("name", Json.createObjectBuilder().add("type", "string"))
            .add("age", Json.createObjectBuilder().add("type", "integer")))
        .add("required", Json.createArrayBuilder().add("name").add("age"))
        .build();
    String body = body("Extract name and age as JSON: Alice is 31 years old.")
        .add("response_format", Json.createObjectBuilder().add("type", "json_schema")
            .add("json_schema", Json.createObjectBuilder().add("name", "person").add("strict", true).add("schema", schema)))
        .build().toString();
    HttpResponse<String> r = chat.post(CHAT, body, TASK, "json", TENANT, Api.freshTenant("oa-json"));
    JsonObject answer = Chat.parse(content(completion(r)));
    assertThat(header(r, "X-StepCache-Verified")).isEqualTo("true");
    assertThat(header(r, "X-StepCache-Verification")).isIn("grounded", "confirmed");
    assertThat(answer.getString("name")).isEqualTo("Alice");
    assertThat(answer.getInt("age")).isEqualTo(31);
  }

  @Test
  void jsonObjectAndTheNeutralParametersSdksSendAreServed() {
    // what LangChain4j's ResponseFormat.JSON and the AI SDK's generateObject send, with their neutral defaults
    String body = body("Extract name and age as JSON: Bob is 42 years old.")
        .add("response_format", Json.createObjectBuilder().add("type", "json_object"))
        .add("top_p", 1).add("presence_penalty", 0).add("frequency_penalty", 0).add("logprobs", false)
        .add("seed", 7).add("stop", Json.createArrayBuilder()).add("store", false).add("n", 1)
        .add("parallel_tool_calls", true).add("metadata", Json.createObjectBuilder().add("app", "it"))
        .build().toString();
    HttpResponse<String> r = chat.post(CHAT, body, TENANT, Api.freshTenant("oa-json-object"));
    assertThat(header(r, "X-StepCache-Task")).as("json_object selects the json pack").isEqualTo("json");
    JsonObject answer = Chat.parse(content(completion(r)));
    assertThat(answer.getString("name")).isEqualTo("Bob");
    assertThat(answer.getInt("age")).isEqualTo(42);
  }

  @Test
  void unsupportedParametersAreRefusedByName() {
    String user = "{\"role\": \"user\", \"content\": \"Solve 3x + 5 = 20.\"}";
    record Case(String body, String code, String param) {}
    for (Case c : List.of(
        new Case("{\"messages\": [" + user + "], \"top_p\": 0.5}", "UNSUPPORTED_PARAMETER", "top_p"),
        new Case("{\"messages\": [" + user + "], \"tools\": [{\"type\": \"function\"}]}", "UNSUPPORTED_PARAMETER", "tools"),
        new Case("{\"messages\": [{\"role\": \"tool\", \"content\": \"42\"}, " + user + "]}",
            "UNSUPPORTED_PARAMETER", "messages[0].role"),
        new Case("{\"messages\": [" + user + ", {\"role\": \"assistant\", \"content\": \"x\"}]}",
            "INVALID_REQUEST", "messages[1].role"),
        new Case("{\"messages\": [" + user + "], \"n\": 2}", "UNSUPPORTED_PARAMETER", "n"),
        new Case("{\"messages\": [" + user + "], \"response_format\": {\"type\": \"xml\"}}",
            "UNSUPPORTED_PARAMETER", "response_format.type"),
        new Case("{\"messages\": [" + user + "], \"logprobs\": true}", "UNSUPPORTED_PARAMETER", "logprobs"),
        new Case("{\"messages\": [" + user + "], \"temperature\": 5}", "INVALID_REQUEST", "temperature"),
        new Case("{\"model\": \"m\"}", "INVALID_REQUEST", "messages"))) {
      JsonObject e = error(chat.post(CHAT, c.body()), 400, c.code());
      assertThat(e.getString("param")).as(c.body()).isEqualTo(c.param());
    }
    JsonObject malformed = error(chat.post(CHAT, "{\"messages\": ["), 400, "MALFORMED_REQUEST");
    assertThat(malformed.isNull("param")).isTrue();
    error(chat.post(CHAT, body("Solve 3x + 5 = 20.").build().toString(), TASK, "no-such-pack"), 404, "UNKNOWN_TASK");
    error(chat.post(CHAT, body("Tell me a story about a dragon.").build().toString()), 400, "TASK_NOT_DETECTED");
    error(chat.post(CHAT, body("x".repeat(70_000)).build().toString()), 413, "INPUT_TOO_LARGE");
    error(chat.post(CHAT, body("Solve 3x + 5 = 20.").build().toString(), TENANT, "bad tenant!",
        "Authorization", "Bearer " + ItKeys.admin()), 400, "INVALID_REQUEST");
  }

  @Test
  void routingErrorsAndModelsAreOpenAiShaped() {
    HttpResponse<String> get = chat.get(CHAT);
    error(get, 405, "METHOD_NOT_ALLOWED");
    assertThat(header(get, "Allow")).contains("POST");
    error(chat.post("/v1/embeddings", "{\"input\": \"x\"}"), 404, "NOT_FOUND");

    HttpResponse<String> models = chat.get("/v1/models");
    assertThat(models.statusCode()).isEqualTo(200);
    JsonObject list = Chat.parse(models.body());
    assertThat(list.getString("object")).isEqualTo("list");
    JsonArray data = list.getJsonArray("data");
    assertThat(data).hasSize(1);
    assertThat(data.getJsonObject(0).getString("id")).isEqualTo("stepcache-simulated");
    assertThat(data.getJsonObject(0).getString("object")).isEqualTo("model");
  }

  @Test
  void theNativeApiIsUnchangedAndServesTheFrontDoorAsAnAlias() {
    Api api = new Api();
    JsonObject nativeAnswer = api.complete(Api.request(Api.freshTenant("oa-native"), "math-linear", "Solve 5x + 5 = 30."));
    assertThat(nativeAnswer.getString("path")).isEqualTo("MISS");
    Api.assertProblem(api.get("/api/v1/no-such-thing"), 404, "NOT_FOUND");
    Api.assertProblem(api.post("/api/v1/completions", Api.JSON, "{"), 400, "MALFORMED_REQUEST");
    HttpResponse<String> alias = chat.post("/api/v1/chat/completions", body("Solve 5x + 5 = 30.").build().toString(),
        TASK, "math-linear");
    assertThat(content(completion(alias))).endsWith("x = 5");
  }
}
