package io.stepcache.bench.stream;

import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;

/**
 * The body of the direct call: the chat-completions request StepCache's OpenAI backend sends for
 * one generation (no model name, one user message, {@code max_tokens}, {@code temperature}, the
 * schema as {@code response_format: json_schema} named {@code answer}, {@code stream: true} with
 * usage in the last chunk), field for field in the backend's order. {@code ChatBodyTest} checks it
 * against the body the backend really sends.
 */
final class ChatBody {

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());

  private ChatBody() {}

  /**
   * @param prompt the pack's full prompt
   * @param maxTokens the engine's output limit for the call
   * @param temperature sent as is
   * @param schemaJson the response schema (a JSON object)
   */
  static String of(String prompt, int maxTokens, double temperature, String schemaJson) {
    JsonObjectBuilder body = BUILDERS.createObjectBuilder();
    body.add("messages", BUILDERS.createArrayBuilder()
        .add(BUILDERS.createObjectBuilder().add("role", "user").add("content", prompt)));
    body.add("max_tokens", maxTokens);
    body.add("temperature", temperature);
    try (JsonReader reader = JSON.createReader(new StringReader(schemaJson))) {
      body.add("response_format", BUILDERS.createObjectBuilder()
          .add("type", "json_schema")
          .add("json_schema", BUILDERS.createObjectBuilder().add("name", "answer").add("schema", reader.readObject())));
    }
    body.add("stream", true);
    body.add("stream_options", BUILDERS.createObjectBuilder().add("include_usage", true));
    return body.build().toString();
  }
}
