package io.stepcache.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire format without HTTP: what the JSON code under it must keep doing (strict reading,
 * bounded nesting, messages that name what is wrong, text that survives the round trip).
 */
class ChatProtocolTest {

  private static final OpenAiSettings SETTINGS = OpenAiSettings.of("http://127.0.0.1:1/v1");

  private static String completionWith(String contentJson) {
    return "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + contentJson
        + "},\"finish_reason\":\"stop\"}]}";
  }

  private static ChatProtocol.Answer stream(String events) throws IOException {
    return ChatProtocol.parseStream(new BufferedReader(new StringReader(events)));
  }

  private static JsonObject read(String json) {
    try (var r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  @Test
  void theRequestBodyKeepsItsFieldOrder() {
    GenerationRequest r = new GenerationRequest("p", "m", 0.5, 16, new GenerationHints("acme", "{\"type\":\"object\"}"));
    String body = ChatProtocol.requestBody(SETTINGS.withStream(true).withCacheSalt(true), r, true);
    assertThat(body).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"p\"}],\"max_tokens\":16,"
        + "\"temperature\":0.5,\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"answer\","
        + "\"schema\":{\"type\":\"object\"}}},\"cache_salt\":\"" + ChatProtocol.cacheSalt("acme") + "\","
        + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
  }

  @Test
  void unicodeAndEscapesRoundTrip() throws Exception {
    String prompt = "line\n\"q\" \\ / \u0001 \t \u2028 \u00e9 \ud83d\ude00 </script>";
    String body = ChatProtocol.requestBody(SETTINGS, new GenerationRequest(prompt, null, null, 8), false);
    assertThat(body).doesNotContain("\n").contains("\\n", "\\\"q\\\"", "\\\\", "\\u0001", "\\t");
    assertThat(read(body).getJsonArray("messages").getJsonObject(0).getString("content")).isEqualTo(prompt);

    ChatProtocol.Answer a = ChatProtocol.parseCompletion(completionWith("\"x\\\"y\\u00e9\\n\\ud83d\\ude00\\/\\\\\""));
    assertThat(a.text()).isEqualTo("x\"y\u00e9\n\ud83d\ude00/\\");
    assertThat(ChatProtocol.parseCompletion(completionWith(Json.createValue(prompt).toString())).text())
        .isEqualTo(prompt);
    assertThat(stream("data: {\"choices\":[{\"delta\":{\"content\":\"\\u00e9\\n\"}}]}\n\n"
        + "data: {\"choices\":[{\"delta\":{\"content\":\"\ud83d\ude00\"},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n").text()).isEqualTo("\u00e9\n\ud83d\ude00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "01", "1.", "-", "tru", "\"a", "\"\t\"",
      "{\"a\" 1}", "[1 2]", "{} {}", "{\"choices\":[]} x", "\"\\x\"", "\"\\u12\"", "<html>", "nul"})
  void malformedAnswersAreRefusedWithAMessage(String text) {
    assertThatThrownBy(() -> ChatProtocol.parseCompletion(text))
        .isInstanceOf(ChatProtocol.BadAnswer.class)
        .hasMessageStartingWith("not a JSON object (")
        .hasCauseInstanceOf(BoundedJson.NotJson.class);
    assertThatThrownBy(() -> BoundedJson.parse(text)).isInstanceOf(BoundedJson.NotJson.class)
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
  }

  @Test
  void deepAnswersAreRefusedWithoutOverflowingTheStack() throws Exception {
    int deep = BoundedJson.MAX_DEPTH + 2;
    String nested = "[".repeat(deep) + "]".repeat(deep);
    String answer = "{\"choices\":[{\"message\":{\"content\":\"x\",\"extra\":" + nested + "}}]}";
    assertThatThrownBy(() -> ChatProtocol.parseCompletion(answer))
        .isInstanceOf(ChatProtocol.BadAnswer.class).hasMessageContaining("nested");
    assertThatThrownBy(() -> stream("data: " + answer + "\n\n"))
        .isInstanceOf(ChatProtocol.BadAnswer.class).hasMessageContaining("nested");
    // unclosed, far deeper than any stack: refused at the bound, not a StackOverflowError
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"a\":" + "[".repeat(200_000)))
        .isInstanceOf(ChatProtocol.BadAnswer.class).hasMessageContaining("nested");
    assertThatThrownBy(() -> BoundedJson.parse("{\"a\":".repeat(100_000)))
        .isInstanceOf(BoundedJson.NotJson.class).hasMessageContaining("nested");

    String ok = "[".repeat(50) + "]".repeat(50);
    assertThat(ChatProtocol.parseCompletion(
        "{\"choices\":[{\"message\":{\"content\":\"x\",\"extra\":" + ok + "}}]}").text()).isEqualTo("x");
    int limit = BoundedJson.MAX_DEPTH - 1; // the deepest that is read
    assertThat(BoundedJson.parse("[".repeat(limit) + "]".repeat(limit)).getValueType())
        .isEqualTo(JsonValue.ValueType.ARRAY);
  }

  @Test
  void aDeepSchemaIsNotSent() {
    int deep = BoundedJson.MAX_DEPTH + 2;
    String schema = "{\"a\":" + "[".repeat(deep) + "]".repeat(deep) + "}";
    for (String bad : new String[] {schema, "{\"type\":", "[1]"}) {
      GenerationRequest r = new GenerationRequest("p", null, null, 8, new GenerationHints(null, bad));
      // a boolean, not the body: AssertJ would take ages to print a deeply nested one
      assertThat(read(ChatProtocol.requestBody(SETTINGS, r, true)).containsKey("response_format")).as(bad).isFalse();
    }
  }

  @Test
  void answersOfTheWrongShapeSayWhatIsWrong() {
    assertThatThrownBy(() -> ChatProtocol.parseCompletion(completionWith("42")))
        .hasMessage("choices[0].message.content is a number, not a string");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"choices\":[{\"message\":\"hi\"}]}"))
        .hasMessage("choices[0].message is a string, not an object");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"choices\":[{\"text\":\"legacy\"}]}"))
        .hasMessage("choices[0].message is missing");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"choices\":[null]}"))
        .hasMessage("choices[0] is null, not an object");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"choices\":{}}"))
        .hasMessage("'choices' is an object, not an array");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"id\":\"x\"}")).hasMessage("'choices' is missing");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"choices\":[]}")).hasMessage("'choices' is empty");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("[1,2]")).hasMessage("not a JSON object (an array): [1,2]");
    assertThatThrownBy(() -> stream("data: {\"choices\":[{\"delta\":{\"content\":true}}]}\n\n"))
        .hasMessage("choices[0].delta.content is a boolean, not a string");
    assertThatThrownBy(() -> stream("data: {\"choices\":\"x\"}\n\n")).hasMessage("'choices' is a string, not an array");
    assertThatThrownBy(() -> stream("data: {\"choices\":[7]}\n\n")).hasMessage("choices[0] is a number, not an object");
  }

  @Test
  void nullContentIsEmptyAndNullErrorIsNoError() {
    assertThat(ChatProtocol.parseCompletion("{\"error\":null," + completionWith("null").substring(1)).text())
        .isEmpty();
  }

  @Test
  void errorsInsideAnAnswerAreReported() {
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"error\":{\"message\":\"model crashed\"}}"))
        .hasMessage("the backend reported an error: model crashed");
    assertThatThrownBy(() -> ChatProtocol.parseCompletion("{\"error\":42}"))
        .hasMessage("the backend reported an error: 42");
  }

  @Test
  void errorBodiesGiveTheirMessage() {
    assertThat(ChatProtocol.errorMessage("{\"error\":{\"message\":\"slow down\",\"type\":\"x\"}}")).isEqualTo("slow down");
    assertThat(ChatProtocol.errorMessage("{\"error\":\"plain\"}")).isEqualTo("plain");
    assertThat(ChatProtocol.errorMessage("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
    assertThat(ChatProtocol.errorMessage("{\"message\":\"m\\u00e9\"}")).isEqualTo("m\u00e9");
    assertThat(ChatProtocol.errorMessage("Service   Unavailable\n")).isEqualTo("Service Unavailable");
    assertThat(ChatProtocol.errorMessage("{\"other\":1}")).isEqualTo("{\"other\":1}");
    assertThat(ChatProtocol.errorMessage(" ")).isEqualTo("(empty body)");
    String deep = "[".repeat(100_000);
    assertThat(ChatProtocol.errorMessage(deep)).hasSize(203).endsWith("...");
  }

  @Test
  void usageCountsAreWholeNonNegativeNumbers() {
    String body = "{\"choices\":[{\"message\":{\"content\":\"x\"}}],\"usage\":";
    assertThat(ChatProtocol.parseCompletion(body + "{\"prompt_tokens\":11,\"completion_tokens\":7.0}}"))
        .extracting(ChatProtocol.Answer::promptTokens, ChatProtocol.Answer::completionTokens).containsExactly(11L, 7L);
    assertThat(ChatProtocol.parseCompletion(body + "{\"prompt_tokens\":-1,\"completion_tokens\":\"7\"}}"))
        .extracting(ChatProtocol.Answer::promptTokens, ChatProtocol.Answer::completionTokens)
        .containsExactly(null, null);
    assertThat(ChatProtocol.parseCompletion(body + "{\"prompt_tokens\":1e999999999,"
        + "\"completion_tokens\":123456789012345678901234}}"))
        .extracting(ChatProtocol.Answer::promptTokens, ChatProtocol.Answer::completionTokens)
        .containsExactly(Long.MAX_VALUE, Long.MAX_VALUE);
    assertThat(ChatProtocol.parseCompletion(body + "{\"prompt_tokens\":9007199254740993}}").promptTokens())
        .isEqualTo(9007199254740993L);
  }

  @Test
  void kindNamesEveryValueType() {
    assertThat(BoundedJson.kind(null)).isEqualTo("missing");
    assertThat(BoundedJson.kind(JsonValue.NULL)).isEqualTo("null");
    assertThat(BoundedJson.kind(JsonValue.TRUE)).isEqualTo("a boolean");
    assertThat(BoundedJson.kind(JsonValue.FALSE)).isEqualTo("a boolean");
    assertThat(BoundedJson.kind(Json.createValue(1))).isEqualTo("a number");
    assertThat(BoundedJson.kind(Json.createValue("s"))).isEqualTo("a string");
    assertThat(BoundedJson.kind(JsonValue.EMPTY_JSON_ARRAY)).isEqualTo("an array");
    assertThat(BoundedJson.kind(JsonValue.EMPTY_JSON_OBJECT)).isEqualTo("an object");
  }
}
