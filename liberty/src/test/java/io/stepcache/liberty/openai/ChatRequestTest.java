package io.stepcache.liberty.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.Conversation;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.Usage;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatRequestTest {

  private static ChatRequest parse(String json) {
    return ChatRequest.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  private static final String USER = "'messages': [{'role': 'user', 'content': 'Solve 3x + 5 = 20.'}]";

  @Test
  void readsTheStandardParameters() {
    ChatRequest r = parse("{'model': 'm', " + USER + ", 'temperature': 0, 'max_tokens': 64, 'n': 1, 'stream': true,"
        + " 'stream_options': {'include_usage': true}, 'user': 'acme', 'response_format': {'type': 'json_schema',"
        + " 'json_schema': {'name': 'x', 'strict': true, 'schema': {'type': 'object'}}}, 'top_p': null}");
    assertThat(r).isEqualTo(new ChatRequest("Solve 3x + 5 = 20.", Conversation.NONE, "m", 0.0, 64, true, true,
        "acme", "{\"type\":\"object\"}", false));
    CompletionRequest c = r.toCompletionRequest("math-linear", "t1", CacheDirectives.DEFAULT);
    assertThat(c.task()).isEqualTo("math-linear");
    assertThat(c.tenant()).isEqualTo("t1");
    assertThat(c.schemaJson()).isEqualTo("{\"type\":\"object\"}");
    assertThat(c.options()).isEqualTo(RequestOptions.none().with(TaskRequest.SCHEMA, "{\"type\":\"object\"}"));
    assertThat(c.maxTokens()).isEqualTo(64);
  }

  @Test
  void systemMessagesAndEarlierTurnsAreTheConversationAndTheLastUserTurnIsThePrompt() {
    ChatRequest r = parse("{'messages': [{'role': 'system', 'content': 'Be brief.'},"
        + " {'role': 'developer', 'content': [{'type': 'text', 'text': 'Use SI units.'}]},"
        + " {'role': 'user', 'content': 'Hi'}, {'role': 'assistant', 'content': 'Hello!', 'refusal': null,"
        + " 'tool_calls': []}, {'role': 'user', 'content': 'Solve 3x + 5 = 20.'}]}");
    assertThat(r.prompt()).isEqualTo("Solve 3x + 5 = 20.");
    assertThat(r.conversation().turns()).containsExactly(
        new Conversation.Turn(Conversation.Role.SYSTEM, "Be brief."),
        new Conversation.Turn(Conversation.Role.SYSTEM, "Use SI units."),
        new Conversation.Turn(Conversation.Role.USER, "Hi"),
        new Conversation.Turn(Conversation.Role.ASSISTANT, "Hello!"));
    CompletionRequest c = r.toCompletionRequest(null, "t", new CacheDirectives(false, true, null, null));
    assertThat(c.conversation()).isEqualTo(r.conversation());
    assertThat(c.prompt()).isEqualTo("Solve 3x + 5 = 20.");
    assertThat(c.cache().lookup()).isFalse();
    assertThat(parse("{" + USER + "}").conversation().isEmpty()).isTrue();
  }

  @Test
  void neutralValuesOfTheStandardParametersAreAcceptedAsSdksSendThem() {
    ChatRequest r = parse("{" + USER + ", 'top_p': 1, 'presence_penalty': 0, 'frequency_penalty': 0.0,"
        + " 'logprobs': false, 'top_logprobs': 0, 'logit_bias': {}, 'stop': [], 'tools': [], 'tool_choice': 'auto',"
        + " 'parallel_tool_calls': true, 'seed': 42, 'store': false, 'metadata': {'app': 'x'},"
        + " 'service_tier': 'auto', 'n': 1}");
    assertThat(r.prompt()).isEqualTo("Solve 3x + 5 = 20.");
    assertThat(parse("{" + USER + ", 'stop': ''}").prompt()).isNotBlank();
  }

  @Test
  void jsonObjectSelectsTheJsonPackUnlessAHeaderNamesAnother() {
    ChatRequest r = parse("{" + USER + ", 'response_format': {'type': 'json_object'}}");
    assertThat(r.jsonObject()).isTrue();
    assertThat(r.schemaJson()).isNull();
    assertThat(r.toCompletionRequest(null, "t", CacheDirectives.DEFAULT).task()).isEqualTo("json");
    assertThat(r.toCompletionRequest("my-pack", "t", CacheDirectives.DEFAULT).task()).isEqualTo("my-pack");
    assertThat(parse("{" + USER + "}").toCompletionRequest(null, "t", CacheDirectives.DEFAULT).task()).as("detected").isNull();
  }

  @Test
  void textPartsAreJoinedAndMaxCompletionTokensIsRead() {
    ChatRequest r = parse("{'messages': [{'role': 'user', 'content': [{'type': 'text', 'text': 'Solve 3x'},"
        + " {'type': 'text', 'text': ' + 5 = 20.'}]}], 'max_completion_tokens': 7, 'response_format': {'type': 'text'}}");
    assertThat(r.prompt()).isEqualTo("Solve 3x + 5 = 20.");
    assertThat(r.maxTokens()).isEqualTo(7);
    assertThat(r.schemaJson()).isNull();
    assertThat(r.stream()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'messages': [{'role': 'user', 'content': 'x'}], 'top_p': 0.9}                                 | UNSUPPORTED_PARAMETER | top_p",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'tools': [{'type': 'function'}]}             | UNSUPPORTED_PARAMETER | tools",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'logprobs': true}                             | UNSUPPORTED_PARAMETER | logprobs",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'stop': ['\\n']}                              | UNSUPPORTED_PARAMETER | stop",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'presence_penalty': 0.5}                      | UNSUPPORTED_PARAMETER | presence_penalty",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'seed': 1.5}                                  | UNSUPPORTED_PARAMETER | seed",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'tool_choice': 'required'}                    | UNSUPPORTED_PARAMETER | tool_choice",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'functions': []}                              | UNSUPPORTED_PARAMETER | functions",
      "{'messages': [{'role': 'tool', 'content': 's'}, {'role': 'user', 'content': 'x'}]}            | UNSUPPORTED_PARAMETER | messages[0].role",
      "{'messages': [{'role': 'user', 'content': 'a'}, {'role': 'assistant', 'content': 'b'}]}       | INVALID_REQUEST       | messages[1].role",
      "{'messages': [{'role': 'assistant', 'content': 'a', 'tool_calls': [{'id': 'c'}]}, {'role': 'user', 'content': 'b'}]} | UNSUPPORTED_PARAMETER | messages[0].tool_calls",
      "{'messages': [{'role': 'system', 'content': 7}, {'role': 'user', 'content': 'x'}]}            | INVALID_REQUEST       | messages[0].content",
      "{'messages': [{'role': 'user', 'content': 'x', 'name': 'bob'}]}                                | UNSUPPORTED_PARAMETER | messages[0].name",
      "{'messages': [{'role': 'user', 'content': [{'type': 'image_url', 'image_url': {}}]}]}         | UNSUPPORTED_PARAMETER | messages[0].content[0].type",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'n': 2}                                       | UNSUPPORTED_PARAMETER | n",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'response_format': {'type': 'xml'}}          | UNSUPPORTED_PARAMETER | response_format.type",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'stream': true, 'stream_options': {'x': 1}}  | UNSUPPORTED_PARAMETER | stream_options.x",
      "{'messages': []}                                                                               | INVALID_REQUEST       | messages",
      "{'model': 'm'}                                                                                 | INVALID_REQUEST       | messages",
      "{'messages': [{'role': 'user', 'content': '  '}]}                                              | INVALID_REQUEST       | messages[0].content",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'temperature': 3}                             | INVALID_REQUEST       | temperature",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'temperature': 'hot'}                         | INVALID_REQUEST       | temperature",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'max_tokens': 0}                              | INVALID_REQUEST       | max_tokens",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'max_tokens': 1.5}                            | INVALID_REQUEST       | max_tokens",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'max_tokens': 5, 'max_completion_tokens': 6} | INVALID_REQUEST       | max_completion_tokens",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'stream': 'yes'}                              | INVALID_REQUEST       | stream",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'stream_options': {'include_usage': true}}    | INVALID_REQUEST       | stream_options",
      "{'messages': [{'role': 'user', 'content': 'x'}], 'response_format': {'type': 'json_schema'}}  | INVALID_REQUEST       | response_format.json_schema",
  })
  void refusesWhatItDoesNotSupportByName(String json, String code, String param) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(OpenAiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.param()).isEqualTo(param);
          assertThat(e.getMessage()).isNotBlank();
        });
  }

  @Test
  void refusesBodiesThatAreNotOneObject() {
    String deep = "{\"messages\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"; // far too deep: 400, not 500
    for (String body : List.of("", "  ", "[1]", "{", "{} {}", "\"x\"", deep)) {
      assertThatThrownBy(() -> ChatRequest.parse(body.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.code()).isEqualTo("MALFORMED_REQUEST"));
    }
  }

  private static CompletionResult result(String output, List<String> steps, RequestPath path) {
    List<ServedStep> served = new java.util.ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      served.add(new ServedStep(i, steps.get(i), i == 0 ? StepOrigin.REUSED : StepOrigin.REGENERATED, true));
    }
    return new CompletionResult(output, "{}", path, "json", true, served, 0.875, new Usage(3, 4), 1.0, List.of());
  }

  @Test
  void streamChunksHaveOpenAisShapeAndTheFinishChunkSaysHowTheAnswerWasServed() {
    CompletionResult json = result("{\n  \"name\": \"Alice\",\n  \"age\": 31\n}",
        List.of("\"name\": \"Alice\"", "\"age\": 31"), RequestPath.PATCH);
    List<String> chunks = List.of(ChatResponses.roleChunk("id1", 7, "m", true),
        ChatResponses.contentChunk("id1", 7, "m", "{\n  \"name\": \"Alice\"", true),
        ChatResponses.finishChunk("id1", 7, "m", json, true), ChatResponses.usageChunk("id1", 7, "m", json));
    StringBuilder content = new StringBuilder();
    for (String c : chunks) {
      JsonObject o = Json.createReader(new StringReader(c)).readObject();
      assertThat(o.getString("object")).isEqualTo("chat.completion.chunk");
      assertThat(o.getString("id")).isEqualTo("id1");
      if (!o.getJsonArray("choices").isEmpty()) {
        JsonObject delta = o.getJsonArray("choices").getJsonObject(0).getJsonObject("delta");
        content.append(delta.getString("content", ""));
        assertThat(o.isNull("usage")).as("include_usage: null until the last chunk").isTrue();
      }
    }
    assertThat(content.toString()).isEqualTo("{\n  \"name\": \"Alice\"");
    JsonObject finish = Json.createReader(new StringReader(chunks.get(2))).readObject();
    assertThat(finish.getJsonArray("choices").getJsonObject(0).getString("finish_reason")).isEqualTo("stop");
    assertThat(finish.getJsonObject("stepcache").getString("path")).isEqualTo("PATCH");
    assertThat(finish.getJsonObject("stepcache").getBoolean("verified")).isTrue();
    JsonObject last = Json.createReader(new StringReader(chunks.get(3))).readObject();
    assertThat(last.getJsonObject("usage").getInt("total_tokens")).isEqualTo(7);
    assertThat(last.getJsonArray("choices")).isEmpty();
    assertThat(ChatResponses.headers(json)).containsExactly("X-StepCache-Path", "PATCH", "X-StepCache-Task", "json",
        "X-StepCache-Reused-Steps", "1", "X-StepCache-Total-Steps", "2", "X-StepCache-Verified", "true",
        "X-StepCache-Verification", "grounded", "X-StepCache-Similarity", "0.8750");
    assertThat(ChatResponses.streamHeaders("REUSE", "json", 1.0, "ent_1")).containsExactly("X-StepCache-Path",
        "REUSE", "X-StepCache-Task", "json", "X-StepCache-Similarity", "1.0000", "X-StepCache-Entry", "ent_1");
  }

  @Test
  void anUnverifiedAnswerSaysSoInTheBodyWithTheReasons() {
    CompletionResult unverified = new CompletionResult("{\"age\": 31}", "{\"age\":31}", RequestPath.MISS, "json",
        false, List.of(new ServedStep(0, "\"age\": 31", StepOrigin.GENERATED, false)), null, new Usage(5, 6), 2.0,
        List.of("JSON_KEY_MISSING: name"));
    JsonObject body = ChatResponses.completion("chatcmpl-1", 7, "m", unverified);
    assertThat(body.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"))
        .isEqualTo("{\"age\": 31}");
    JsonObject ext = body.getJsonObject(ChatResponses.EXTENSION);
    assertThat(ext.getBoolean("verified")).isFalse();
    assertThat(ext.getString("verification")).isEqualTo("none");
    assertThat(ext.getString("path")).isEqualTo("MISS");
    assertThat(ext.getJsonArray("findings").getString(0)).isEqualTo("JSON_KEY_MISSING: name");
    assertThat(ChatResponses.completion("chatcmpl-2", 7, "m", result("x", List.of("x"), RequestPath.REUSE))
        .getJsonObject(ChatResponses.EXTENSION).getJsonArray("findings")).isEmpty();
  }

  @Test
  void theOpenApiDocumentDescribesTheFrontDoor() throws java.io.IOException {
    String doc;
    try (var in = ChatRequestTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(doc).contains("/v1/chat/completions:", "/v1/models:", "UNSUPPORTED_PARAMETER");
    for (String p : ChatRequest.SUPPORTED) {
      assertThat(doc).as("parameter %s", p).contains("        " + p + ":");
    }
    for (String h : List.of(ChatResponses.PATH, ChatResponses.TASK, ChatResponses.SIMILARITY,
        ChatResponses.REUSED_STEPS, ChatResponses.TOTAL_STEPS, ChatResponses.VERIFIED, ChatResponses.REQUEST_ID)) {
      assertThat(doc).as("header %s", h).contains(h + ":");
    }
  }
}
