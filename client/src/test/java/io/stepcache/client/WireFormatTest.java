package io.stepcache.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The records against the JSON the server really writes, with Yasson (the JSON-B of Liberty's jsonb-3.0). */
class WireFormatTest {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @AfterAll
  static void close() throws Exception {
    JSONB.close();
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void readsAMissWithEveryField() {
    Completion c = JSONB.fromJson(Samples.MISS, Completion.class);

    assertThat(c.output()).startsWith("Subtract 5 from both sides: 3x = 15\n").endsWith("Answer: x = 5");
    assertThat(c.answer()).isEqualTo(Json.createObjectBuilder().add("x", 5).build());
    assertThat(c.path()).isEqualTo(CachePath.MISS);
    assertThat(c.task()).isEqualTo("math-linear");
    assertThat(c.verified()).isTrue();
    assertThat(c.verification()).isEqualTo(TrustLevel.CHECKED);
    assertThat(c.steps()).hasSize(3);
    assertThat(c.steps().get(1))
        .isEqualTo(new Step(1, "Divide both sides by 3: x = 5", StepOrigin.GENERATED, true, TrustLevel.CHECKED));
    assertThat(c.similarity()).isNull();
    assertThat(c.usage()).isEqualTo(new Usage(41, 27, 68));
    assertThat(c.latencyMs()).isEqualTo(921.4);
    assertThat(c.findings()).as("absent when verified").isEmpty();
    assertThat(c.entryId()).isNull();
    assertThat(c.storedEntryId()).isEqualTo("ent_0123456789abcdef01234567");
    assertThat(c.truncated()).isFalse();
  }

  @Test
  void readsAnUnverifiedAnswerWithFindingsAndNoAnswer() {
    Completion c = JSONB.fromJson(Samples.UNVERIFIED, Completion.class);

    assertThat(c.path()).isEqualTo(CachePath.PATCH);
    assertThat(c.verified()).isFalse();
    assertThat(c.verification()).isEqualTo(TrustLevel.NONE);
    assertThat(c.answer()).isEqualTo(JsonValue.NULL);
    assertThat(c.similarity()).isEqualTo(0.73);
    assertThat(c.steps()).extracting(Step::origin).containsExactly(StepOrigin.REPAIRED, StepOrigin.REUSED);
    assertThat(c.steps()).extracting(Step::verification).containsExactly(TrustLevel.GROUNDED, TrustLevel.NONE);
    assertThat(c.findings()).containsExactly("key 'age' is missing", "step 1: value not found in the text");
  }

  @Test
  void ignoresPropertiesAndValuesItDoesNotKnow() {
    Completion c = JSONB.fromJson(Samples.FROM_A_NEWER_SERVER, Completion.class);

    assertThat(c.path()).isEqualTo(CachePath.REUSE);
    assertThat(c.answer()).isEqualTo(Json.createObjectBuilder().add("x", 7).build());
    assertThat(c.verification()).as("a trust level added later").isEqualTo(TrustLevel.UNKNOWN);
    assertThat(c.steps()).extracting(Step::origin).containsExactly(StepOrigin.UNKNOWN, StepOrigin.REUSED);
    assertThat(c.steps().get(1).text()).isEqualTo("Answer: x = 7");
    assertThat(c.usage()).isEqualTo(new Usage(0, 0, 0));
    assertThat(c.similarity()).isEqualTo(1.0);
    assertThat(c.latencyMs()).isEqualTo(3.4);
    assertThat(c.entryId()).isEqualTo("e-42");
    assertThat(c.truncated()).isFalse();
  }

  @Test
  void writesWireNamesAndReadsBackWhatItWrote() {
    Completion c = JSONB.fromJson(Samples.UNVERIFIED, Completion.class);

    String json = JSONB.toJson(c);
    JsonObject o = parse(json);
    assertThat(o.getString("path")).isEqualTo("PATCH");
    assertThat(o.getString("verification")).isEqualTo("none");
    assertThat(o.getJsonArray("steps").getJsonObject(0).getString("verification")).isEqualTo("grounded");
    assertThat(o.getJsonArray("steps").getJsonObject(0).getString("origin")).isEqualTo("REPAIRED");
    assertThat(JSONB.fromJson(json, Completion.class)).isEqualTo(c);
    JsonObject server = parse(Samples.MISS);
    JsonObject expected = Json.createObjectBuilder(server).remove("similarity").remove("entryId")
        .add("findings", Json.createArrayBuilder()).build();
    assertThat(parse(JSONB.toJson(JSONB.fromJson(Samples.MISS, Completion.class))))
        .as("the server's document, less its nulls (JSON-B leaves nulls out), plus the empty findings")
        .isEqualTo(expected);
  }

  @Test
  void writesOnlyTheRequestFieldsThatAreSet() {
    assertThat(parse(JSONB.toJson(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear"))))
        .isEqualTo(parse("{\"prompt\": \"Solve 3x + 5 = 20.\", \"task\": \"math-linear\"}"));
    assertThat(parse(JSONB.toJson(CompletionRequest.of("Solve 3x + 5 = 20."))))
        .isEqualTo(parse("{\"prompt\": \"Solve 3x + 5 = 20.\"}"));

    JsonObject schema = parse("{\"type\": \"object\", \"required\": [\"name\"]}");
    CompletionRequest json = CompletionRequest.of("Extract name and age: Alice is 31.", "json")
        .withRequiredKeys(List.of("name", "age")).withSchema(schema).withTenant("acme");
    assertThat(parse(JSONB.toJson(json))).isEqualTo(parse("""
        {"prompt": "Extract name and age: Alice is 31.", "task": "json", "tenant": "acme",
         "requiredKeys": ["name", "age"], "schema": {"type": "object", "required": ["name"]}}"""));

    CompletionRequest full = new CompletionRequest("p", "t", "acme", null, null, "qwen", 0.2, 64, null);
    assertThat(parse(JSONB.toJson(full))).isEqualTo(parse("""
        {"prompt": "p", "task": "t", "tenant": "acme", "model": "qwen", "temperature": 0.2, "maxTokens": 64}"""));
    assertThat(JSONB.fromJson(JSONB.toJson(json), CompletionRequest.class)).isEqualTo(json);

    CompletionRequest chat = CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear")
        .withConversation(List.of(CompletionRequest.Turn.system("Be brief.")));
    assertThat(parse(JSONB.toJson(chat))).isEqualTo(parse("""
        {"prompt": "Solve 3x + 5 = 20.", "task": "math-linear",
         "conversation": [{"role": "system", "content": "Be brief."}]}"""));
  }

  @Test
  void readsProblemsWithTheirExtensionMembers() {
    Problem p = JSONB.fromJson(Samples.PROBLEM_TASK_INPUT, Problem.class);

    assertThat(p).isEqualTo(new Problem("https://stepcache.io/problems/task-input-invalid", "Task input invalid", 400,
        "The schema is not a valid JSON Schema: #/type: expected string", "TASK_INPUT_INVALID", "JSON_SCHEMA_INVALID",
        null));
  }
}
