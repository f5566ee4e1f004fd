package io.stepcache.liberty.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.Conversation;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.Usage;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.StepOrigin;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionJsonTest {

  private static CompletionRequest parse(String json) {
    return CompletionJson.parseRequest(json.getBytes(StandardCharsets.UTF_8), claimed -> claimed);
  }

  private static ErrorCode codeOf(String json) {
    try {
      parse(json);
    } catch (StepCacheException e) {
      return e.code();
    }
    throw new AssertionError("no error for " + json);
  }

  @Test
  void readsTheConversationAndRefusesABadOneByField() {
    CompletionRequest r = parse("{\"prompt\": \"Solve 3x + 5 = 20.\", \"conversation\": [{\"role\": \"system\","
        + " \"content\": \"Be brief.\"}, {\"role\": \"assistant\", \"content\": \"Hi\"}]}");
    assertThat(r.conversation().turns()).containsExactly(
        new Conversation.Turn(Conversation.Role.SYSTEM, "Be brief."),
        new Conversation.Turn(Conversation.Role.ASSISTANT, "Hi"));
    assertThat(parse("{\"prompt\": \"p\"}").conversation().isEmpty()).isTrue();
    assertThat(codeOf("{\"prompt\": \"p\", \"conversation\": \"Be brief.\"}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\": \"p\", \"conversation\": [7]}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\": \"p\", \"conversation\": [{\"role\": \"user\", \"content\": \"x\","
        + " \"name\": \"bob\"}]}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\": \"p\", \"conversation\": [{\"role\": \"tool\", \"content\": \"x\"}]}"))
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(codeOf("{\"prompt\": \"p\", \"conversation\": [{\"role\": \"user\", \"content\": 5}]}"))
        .isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\": \"p\", \"conversation\": [{\"role\": \"user\"}]}"))
        .isEqualTo(ErrorCode.INVALID_REQUEST);
  }

  @Test
  void parsesEveryField() {
    CompletionRequest r = parse("""
        {"prompt":"Extract name and age","task":"json","tenant":"acme",
         "schema":{"type":"object","required":["name"]},"requiredKeys":["name","age"],
         "model":"m","temperature":0,"maxTokens":256,"unknown":true}""");
    assertThat(r.prompt()).isEqualTo("Extract name and age");
    assertThat(r.task()).isEqualTo("json");
    assertThat(r.tenant()).isEqualTo("acme");
    assertThat(r.schemaJson()).isEqualTo("{\"type\":\"object\",\"required\":[\"name\"]}");
    assertThat(r.requiredKeys()).containsExactly("name", "age");
    assertThat(r.options()).isEqualTo(RequestOptions.of(Map.of(
        "schema", "{\"type\":\"object\",\"required\":[\"name\"]}", "requiredKeys", List.of("name", "age"))));
    assertThat(r.taskRequest().options()).isEqualTo(r.options());
    assertThat(parse("{\"prompt\":\"p\",\"requiredKeys\":[]}").options().isEmpty()).isTrue();
    assertThat(r.model()).isEqualTo("m");
    assertThat(r.temperature()).isEqualTo(0.0);
    assertThat(r.maxTokens()).isEqualTo(256);
  }

  @Test
  void theTenantIsWhatThePolicyMakesOfTheClaimedOne() {
    assertThat(parse("{\"prompt\":\"p\"}").tenant()).isEqualTo("default");
    List<String> claims = new java.util.ArrayList<>();
    CompletionRequest r = CompletionJson.parseRequest(
        "{\"prompt\":\"p\",\"tenant\":\"other\"}".getBytes(StandardCharsets.UTF_8), claimed -> {
          claims.add(claimed);
          return "alice";
        });
    assertThat(r.tenant()).isEqualTo("alice");
    assertThat(claims).containsExactly("other");
  }

  @Test
  void badInputsHaveTheirCodes() {
    assertThat(codeOf("")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":\"a\"} trailing")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("[1,2]")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":42}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"requiredKeys\":\"name\"}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"requiredKeys\":[1]}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"schema\":\"{}\"}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"maxTokens\":1.5}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"temperature\":\"hot\"}")).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"maxTokens\":1e12}")).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"tenant\":\"a\\u001fb\"}")).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(codeOf("{\"prompt\":\"p\",\"schema\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}"))
        .as("nested far too deep: a 400, not a stack overflow or a 500").isEqualTo(ErrorCode.MALFORMED_REQUEST);
    assertThat(codeOf("{}")).isEqualTo(ErrorCode.PROMPT_EMPTY);
    assertThat(codeOf("{\"prompt\":\"  \"}")).isEqualTo(ErrorCode.PROMPT_EMPTY);
    assertThat(codeOf("{\"prompt\":null}")).isEqualTo(ErrorCode.PROMPT_EMPTY);
    assertThatThrownBy(() -> parse("{\"prompt\":42}")).hasMessageContaining("'prompt' must be a string");
  }

  @Test
  void writesTheContractShape() {
    CompletionResult r = new CompletionResult(
        "3x = 15\nx = 5", "{\"x\":5}", RequestPath.REUSE, "math-linear", true,
        List.of(new ServedStep(0, "3x = 15", StepOrigin.REUSED, true), new ServedStep(1, "x = 5", StepOrigin.REUSED, true)),
        0.93, new Usage(0, 0), 1.25, List.of(), null, io.stepcache.engine.TrustLevel.CHECKED);
    JsonObject o = CompletionJson.toJson(r);
    assertThat(o.getJsonObject("answer").getInt("x")).isEqualTo(5);
    assertThat(o.getString("path")).isEqualTo("REUSE");
    assertThat(o.getString("task")).isEqualTo("math-linear");
    assertThat(o.getBoolean("verified")).isTrue();
    assertThat(o.getString("verification")).isEqualTo("checked");
    assertThat(o.getJsonArray("steps").getJsonObject(1).getString("origin")).isEqualTo("REUSED");
    assertThat(o.getJsonNumber("similarity").doubleValue()).isEqualTo(0.93);
    assertThat(o.getJsonObject("usage").keySet()).containsExactly("promptTokens", "completionTokens", "totalTokens");
    assertThat(o.getJsonNumber("latencyMs").doubleValue()).isEqualTo(1.25);
    assertThat(o).doesNotContainKey("findings");

    CompletionResult miss = new CompletionResult(
        "?", null, RequestPath.MISS, "json", false, List.of(), null, new Usage(10, 5), 2000, List.of("missing key age"));
    JsonObject m = CompletionJson.toJson(miss);
    assertThat(m.isNull("answer")).isTrue();
    assertThat(m.isNull("similarity")).isTrue();
    assertThat(m.getJsonObject("usage").getInt("totalTokens")).isEqualTo(15);
    assertThat(m.getJsonArray("findings").getString(0)).isEqualTo("missing key age");
    assertThat(m.getString("verification")).isEqualTo("none");
  }
}
