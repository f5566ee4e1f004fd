package it.io.stepcache.liberty;

import static it.io.stepcache.liberty.Chat.body;
import static it.io.stepcache.liberty.Chat.completion;
import static it.io.stepcache.liberty.Chat.content;
import static it.io.stepcache.liberty.Chat.header;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a chat brings besides its last user turn, over HTTP: system prompts and earlier turns in the cache key, the
 * model in the key, max_tokens cut at a step boundary, Cache-Control and X-StepCache-TTL, entry ids and deleting
 * entries, request ids, and streams that send verified steps on both doors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatSemanticsIT {

  private static final String CHAT = "/v1/chat/completions";
  private static final String TASK = "X-StepCache-Task";
  private static final String TENANT = "X-StepCache-Tenant";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  private final Chat chat = new Chat();
  private final Api api = new Api();

  private static String chatBody(String model, String... roleContent) {
    JsonArrayBuilder messages = Json.createArrayBuilder();
    for (int i = 0; i < roleContent.length; i += 2) {
      messages.add(Json.createObjectBuilder().add("role", roleContent[i]).add("content", roleContent[i + 1]));
    }
    return Json.createObjectBuilder().add("model", model).add("messages", messages).build().toString();
  }

  private HttpResponse<String> math(String tenant, String body, String... headers) {
    List<String> h = new ArrayList<>(List.of(TASK, "math-linear", TENANT, tenant));
    h.addAll(List.of(headers));
    return chat.post(CHAT, body, h.toArray(String[]::new));
  }

  @Test
  void aSystemPromptOrAnEarlierTurnIsPartOfTheKey() {
    String tenant = Api.freshTenant("chat-system");
    String brief = chatBody("m", "system", "Be brief.", "user", "Solve 3x + 5 = 20.");
    HttpResponse<String> first = math(tenant, brief);
    assertThat(content(completion(first))).endsWith("x = 5");
    assertThat(header(first, "X-StepCache-Path")).isEqualTo("MISS");
    HttpResponse<String> other = math(tenant, chatBody("m", "system", "Be thorough.", "user", "Solve 3x + 5 = 20."));
    assertThat(header(other, "X-StepCache-Path")).as("never reused under another system prompt").isEqualTo("MISS");
    HttpResponse<String> none = math(tenant, chatBody("m", "user", "Solve 3x + 5 = 20."));
    assertThat(header(none, "X-StepCache-Path")).isEqualTo("MISS");
    HttpResponse<String> again = math(tenant, brief);
    assertThat(header(again, "X-StepCache-Path")).isEqualTo("REUSE");

    String turns = chatBody("m", "user", "Hi", "assistant", "Hello! What shall we solve?", "user",
        "Solve 2x + 1 = 9.");
    assertThat(header(math(tenant, turns), "X-StepCache-Path")).isEqualTo("MISS");
    assertThat(header(math(tenant, chatBody("m", "user", "Hi", "assistant", "Hi.", "user", "Solve 2x + 1 = 9.")),
        "X-StepCache-Path")).isEqualTo("MISS");
    assertThat(header(math(tenant, turns), "X-StepCache-Path")).isEqualTo("REUSE");
  }

  @Test
  void theModelIsPartOfTheKey() {
    String tenant = Api.freshTenant("chat-model");
    assertThat(header(math(tenant, chatBody("gpt-4o", "user", "Solve 5x - 5 = 20.")), "X-StepCache-Path"))
        .isEqualTo("MISS");
    HttpResponse<String> other = math(tenant, chatBody("llama-3", "user", "Solve 5x - 5 = 20."));
    assertThat(header(other, "X-StepCache-Path")).isEqualTo("MISS");
    assertThat(completion(other).getString("model")).isEqualTo("llama-3");
    assertThat(header(math(tenant, chatBody("gpt-4o", "user", "Solve 5x - 5 = 20.")), "X-StepCache-Path"))
        .isEqualTo("REUSE");
  }

  @Test
  void maxTokensCutsTheAnswerAtAStepBoundaryAndTheWholeAnswerIsCached() {
    String tenant = Api.freshTenant("chat-max");
    String limited = Json.createObjectBuilder(Chat.parse(chatBody("m", "user", "Solve 7x + 7 = 21.")))
        .add("max_tokens", 8).build().toString();
    HttpResponse<String> cut = math(tenant, limited);
    assertThat(cut.statusCode()).as(cut.body()).isEqualTo(200);
    JsonObject o = Chat.parse(cut.body());
    JsonObject choice = o.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getString("finish_reason")).isEqualTo("length");
    assertThat(o.getJsonObject("stepcache").getBoolean("truncated")).isTrue();
    String partial = choice.getJsonObject("message").getString("content");

    HttpResponse<String> whole = math(tenant, chatBody("m", "user", "Solve 7x + 7 = 21."));
    assertThat(header(whole, "X-StepCache-Path")).isEqualTo("REUSE");
    String full = content(completion(whole));
    assertThat(full).endsWith("x = 2").startsWith(partial).isNotEqualTo(partial);
  }

  @Test
  void cacheControlAndTtlAreHonouredAndEveryAnswerNamesItsEntries() {
    String tenant = Api.freshTenant("chat-cache");
    String body = chatBody("m", "user", "Solve 6x + 6 = 42.");
    HttpResponse<String> noStore = math(tenant, body, "Cache-Control", "no-store");
    assertThat(completion(noStore).getJsonObject("stepcache").isNull("storedEntryId")).isTrue();
    assertThat(header(noStore, "X-StepCache-Stored-Entry")).isNull();

    HttpResponse<String> miss = math(tenant, body, "X-StepCache-TTL", "3600");
    assertThat(header(miss, "X-StepCache-Path")).as("no-store stored nothing").isEqualTo("MISS");
    String stored = header(miss, "X-StepCache-Stored-Entry");
    assertThat(stored).startsWith("ent_");
    assertThat(completion(miss).getJsonObject("stepcache").getString("storedEntryId")).isEqualTo(stored);

    HttpResponse<String> reuse = math(tenant, body);
    assertThat(header(reuse, "X-StepCache-Path")).isEqualTo("REUSE");
    assertThat(header(reuse, "X-StepCache-Entry")).isEqualTo(stored);

    HttpResponse<String> fresh = math(tenant, body, "Cache-Control", "no-cache");
    assertThat(header(fresh, "X-StepCache-Path")).isEqualTo("MISS");
    assertThat(header(fresh, "X-StepCache-Stored-Entry")).isEqualTo(stored);
    assertThat(header(math(tenant, body, "Cache-Control", "max-age=0"), "X-StepCache-Path")).isNotEqualTo("REUSE");
    assertThat(header(math(tenant, body, "Cache-Control", "max-age=3600"), "X-StepCache-Path")).isEqualTo("REUSE");

    Chat.error(math(tenant, body, "X-StepCache-TTL", "0"), 400, "INVALID_REQUEST");
    Chat.error(math(tenant, body, "X-StepCache-TTL", "999999999"), 400, "INVALID_REQUEST");
    Chat.error(math(tenant, body, "Cache-Control", "max-age=soon"), 400, "INVALID_REQUEST");

    // a key issued without no-cache may not use it
    String restricted = issue(tenant, "[\"max-age\", \"no-store\"]");
    JsonObject refused = Chat.error(math(tenant, body, "Authorization", "Bearer " + restricted,
        "Cache-Control", "no-cache"), 403, "CACHE_CONTROL_REFUSED");
    assertThat(refused.getString("message")).contains("no-cache");
    assertThat(header(math(tenant, body, "Authorization", "Bearer " + restricted, "Cache-Control", "max-age=60"),
        "X-StepCache-Path")).isEqualTo("REUSE");
  }

  private String issue(String tenant, String cacheControl) {
    String keyBody = "{\"tenant\": \"" + tenant + "\", \"role\": \"client\", \"cacheControl\": " + cacheControl + "}";
    HttpResponse<String> r = api.send("POST", "/api/v1/keys", Api.JSON, keyBody.getBytes(StandardCharsets.UTF_8),
        ItKeys.admin());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonObject key = Chat.parse(r.body());
    assertThat(key.getJsonArray("cacheControl").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder("max-age", "no-store");
    return key.getString("key");
  }

  @Test
  void administratorsDeleteEntriesByIdTenantPackOrAll() {
    String tenant = Api.freshTenant("chat-delete");
    String body = chatBody("m", "user", "Solve 8x + 8 = 24.");
    String stored = header(math(tenant, body), "X-StepCache-Stored-Entry");
    String admin = ItKeys.admin();
    HttpResponse<String> byClient = api.send("DELETE", "/api/v1/entries/" + stored, null, null,
        ItKeys.forTenant(tenant));
    Api.assertProblem(byClient, 403, "FORBIDDEN");
    HttpResponse<String> deleted = api.send("DELETE", "/api/v1/entries/" + stored, null, null, admin);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(Chat.parse(deleted.body()).getInt("removed")).isEqualTo(1);
    assertThat(header(math(tenant, body), "X-StepCache-Path")).isEqualTo("MISS");
    Api.assertProblem(api.send("DELETE", "/api/v1/entries/" + stored.replace("ent_", "ent_f"), null, null, admin),
        404, "UNKNOWN_ENTRY");
    Api.assertProblem(api.send("DELETE", "/api/v1/entries/nonsense", null, null, admin), 400, "INVALID_REQUEST");

    assertThat(header(math(tenant, chatBody("m", "user", "Solve 9x - 4 = 2x + 10.")), "X-StepCache-Stored-Entry"))
        .as("another structure: a second entry").isNotNull();
    HttpResponse<String> all = api.send("DELETE", "/api/v1/entries?tenant=" + tenant, null, null, admin);
    assertThat(Chat.parse(all.body()).getInt("removed")).isEqualTo(2);
    Api.assertProblem(api.send("DELETE", "/api/v1/entries", null, null, admin), 400, "INVALID_REQUEST");
    Api.assertProblem(api.send("DELETE", "/api/v1/entries?tenant=a&pack=json", null, null, admin), 400,
        "INVALID_REQUEST");
  }

  @Test
  void everyResponseCarriesARequestId() {
    HttpResponse<String> ok = api.post("/api/v1/completions", Api.JSON,
        Api.request(Api.freshTenant("chat-id"), "math-linear", "Solve 2x + 2 = 6.").build().toString());
    assertThat(header(ok, "X-Request-Id")).startsWith("req_");
    HttpResponse<String> bad = api.post("/api/v1/completions", Api.JSON, "{\"prompt\": \"\"}");
    assertThat(header(bad, "X-Request-Id")).startsWith("req_");
    assertThat(header(bad, "X-Request-Id")).isNotEqualTo(header(ok, "X-Request-Id"));
    assertThat(header(chat.post(CHAT, "{\"messages\": []}"), "X-Request-Id")).isNotBlank();
  }

  @Test
  void aStreamSendsVerifiedStepsAndSaysHowItWasServedInItsFinishChunk() {
    String tenant = Api.freshTenant("chat-stream");
    String body = Json.createObjectBuilder(Chat.parse(chatBody("m", "user", "Solve 4x + 2 = 18.")))
        .add("stream", true).add("stream_options", Json.createObjectBuilder().add("include_usage", true))
        .build().toString();
    HttpResponse<String> s = math(tenant, body);
    List<JsonObject> chunks = Chat.events(s);
    assertThat(header(s, "X-StepCache-Path")).isEqualTo("MISS");
    JsonObject finish = chunks.get(chunks.size() - 2);
    assertThat(finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("stop");
    JsonObject served = finish.getJsonObject("stepcache");
    assertThat(served.getBoolean("verified")).isTrue();
    assertThat(served.getString("storedEntryId")).startsWith("ent_");
    assertThat(chunks.get(chunks.size() - 1).getJsonObject("usage").getInt("completion_tokens")).isPositive();
    String streamed = Chat.streamedContent(chunks);
    JsonObject plain = completion(math(tenant, chatBody("m", "user", "Solve 4x + 2 = 18.")));
    assertThat(streamed).isEqualTo(content(plain)).endsWith("x = 4");
    // role chunk, one chunk per step, finish chunk, usage chunk
    assertThat(chunks).hasSize(served.getInt("totalSteps") + 3);
  }

  @Test
  void theNativeApiStreamsStepEventsWhenAskedForAnEventStream() {
    String tenant = Api.freshTenant("native-stream");
    byte[] body = Api.request(tenant, "math-linear", "Solve 3y - 4 = 11.").build().toString()
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = api.sendAccepting("text/event-stream", "/api/v1/completions", body,
        ItKeys.forTenant(tenant));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(header(r, "Content-Type")).startsWith("text/event-stream");
    List<String> names = new ArrayList<>();
    List<JsonObject> data = new ArrayList<>();
    for (String event : r.body().split("\n\n")) {
      String[] lines = event.split("\n", 2);
      names.add(lines[0].substring("event: ".length()));
      data.add(Chat.parse(lines[1].substring("data: ".length())));
    }
    assertThat(names.get(0)).isEqualTo("started");
    assertThat(data.get(0).getString("path")).isEqualTo("MISS");
    assertThat(names.get(names.size() - 1)).isEqualTo("done");
    JsonObject done = data.get(data.size() - 1);
    assertThat(names.subList(1, names.size() - 1)).containsOnly("step").hasSize(done.getJsonArray("steps").size());
    StringBuilder content = new StringBuilder();
    for (JsonObject step : data.subList(1, data.size() - 1)) {
      assertThat(step.getBoolean("verified")).isTrue();
      content.append(step.getString("content"));
    }
    assertThat(content.toString()).isEqualTo(done.getString("output"));
    assertThat(done.getBoolean("verified")).isTrue();

    HttpResponse<String> refused = api.sendAccepting("text/event-stream", "/api/v1/completions",
        "{\"prompt\": \"\"}".getBytes(StandardCharsets.UTF_8), ItKeys.admin());
    Api.assertProblem(refused, 400, "PROMPT_EMPTY");
  }
}
