package io.stepcache.backend.openai;

import io.stepcache.engine.Conversation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.TextSink;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenAI chat-completions wire format: the request body, the answer (one JSON object, or
 * server-sent events), and error bodies. Pure functions over text; {@link OpenAiBackend} does the
 * HTTP. JSON through JSON-P (the provider on the class path: Parsson, or the server's own).
 */
final class ChatProtocol {

  private static final Logger LOG = Logger.getLogger(ChatProtocol.class.getName());

  private static final JsonBuilderFactory BUILDERS = JsonProvider.provider().createBuilderFactory(Map.of());

  private ChatProtocol() {}

  /** What the server answered, before token counts are completed. */
  record Answer(String text, String finishReason, Long promptTokens, Long completionTokens, boolean cancelled) {

    Answer(String text, String finishReason, Long promptTokens, Long completionTokens) {
      this(text, finishReason, promptTokens, completionTokens, false);
    }
  }

  /** The server's answer is not a chat completion (or reports an error inside a 200 answer). */
  static final class BadAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadAnswer(String message) {
      super(message);
    }

    BadAnswer(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The conversation's turns in order, then the prompt as the last user message. */
  static JsonArrayBuilder messages(GenerationRequest request) {
    JsonArrayBuilder messages = BUILDERS.createArrayBuilder();
    for (Conversation.Turn turn : request.hints().conversation().turns()) {
      messages.add(BUILDERS.createObjectBuilder().add("role", turn.role().wireName()).add("content", turn.content()));
    }
    return messages.add(BUILDERS.createObjectBuilder().add("role", "user").add("content", request.prompt()));
  }

  /**
   * The request body.
   *
   * @param withSchema send the request's JSON Schema as {@code response_format}
   */
  static String requestBody(OpenAiSettings settings, GenerationRequest request, boolean withSchema) {
    return requestBody(settings, request, withSchema, settings.stream());
  }

  /**
   * The request body.
   *
   * @param withSchema send the request's JSON Schema as {@code response_format}
   * @param stream ask for server-sent events (with usage in the last chunk)
   */
  static String requestBody(OpenAiSettings settings, GenerationRequest request, boolean withSchema, boolean stream) {
    JsonObjectBuilder body = BUILDERS.createObjectBuilder();
    String model = request.model() != null && !request.model().isBlank() ? request.model() : settings.model();
    if (model != null) {
      body.add("model", model);
    }
    body.add("messages", messages(request));
    body.add("max_tokens", request.maxTokens());
    if (request.temperature() != null) {
      body.add("temperature", request.temperature());
    }
    GenerationHints hints = request.hints();
    if (withSchema && hints.responseSchemaJson() != null) {
      JsonValue schema = schemaOrNull(hints.responseSchemaJson());
      if (schema != null && schema.getValueType() == JsonValue.ValueType.OBJECT) {
        body.add("response_format", BUILDERS.createObjectBuilder()
            .add("type", "json_schema")
            .add("json_schema", BUILDERS.createObjectBuilder().add("name", "answer").add("schema", schema)));
      }
    }
    if (settings.cacheSalt() && hints.tenant() != null) {
      body.add("cache_salt", cacheSalt(hints.tenant()));
    }
    if (stream) {
      body.add("stream", true);
      body.add("stream_options", BUILDERS.createObjectBuilder().add("include_usage", true));
    }
    return body.build().toString();
  }

  /** The schema as parsed JSON; {@code null} when it is not valid JSON (then no response_format is sent). */
  private static JsonValue schemaOrNull(String json) {
    try {
      return BoundedJson.parse(json);
    } catch (BoundedJson.NotJson e) {
      LOG.log(Level.FINE, () -> "The request's response schema is not JSON (" + e.getMessage()
          + "); sent without response_format");
      return null;
    }
  }

  /** "choices[0] is a string, not an object", "'choices' is missing". */
  private static BadAnswer wrongKind(String what, JsonValue v, String expected) {
    return new BadAnswer(v == null ? what + " is missing" : what + " is " + BoundedJson.kind(v) + ", not " + expected);
  }

  private static boolean isNull(JsonValue v) {
    return v == null || v.getValueType() == JsonValue.ValueType.NULL;
  }

  /** A stable per-tenant salt that does not show the tenant's name to the model server. */
  static String cacheSalt(String tenant) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(("stepcache-tenant:" + tenant).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** Reads a non-streamed answer: {@code {"choices":[{"message":{"content":...},"finish_reason":...}],"usage":{...}}}. */
  static Answer parseCompletion(String body) {
    JsonObject o = object(body);
    failOnError(o);
    JsonObject choice = firstChoice(o);
    JsonValue message = choice.get("message");
    if (!(message instanceof JsonObject m)) {
      throw wrongKind("choices[0].message", message, "an object");
    }
    JsonValue content = m.get("content");
    if (!isNull(content) && !(content instanceof JsonString)) {
      throw wrongKind("choices[0].message.content", content, "a string");
    }
    Usage u = usage(o.get("usage"));
    return new Answer(isNull(content) ? "" : ((JsonString) content).getString(), finishReason(choice), u.prompt,
        u.completion);
  }

  /**
   * Reads server-sent events up to {@code data: [DONE]} (or the end of the stream), joining the
   * {@code choices[0].delta.content} pieces. Usage may come in any chunk (the last one, or a
   * chunk with no choices when {@code stream_options.include_usage} is honoured).
   */
  static Answer parseStream(BufferedReader in) throws IOException {
    return parseStream(in, null);
  }

  /**
   * Reads server-sent events like {@link #parseStream(BufferedReader)}, handing each content piece to {@code sink}
   * as it is read; when the sink cancels, reading stops there and the answer says so (the caller closes the
   * stream, which closes the connection and stops the server's generation).
   *
   * @param sink {@code null}: none
   */
  static Answer parseStream(BufferedReader in, TextSink sink) throws IOException {
    StringBuilder text = new StringBuilder();
    String finish = null;
    Long prompt = null;
    Long completion = null;
    boolean done = false;
    int chunks = 0;
    StringBuilder data = new StringBuilder();
    String line;
    while (!done) {
      line = in.readLine();
      if (line == null || line.isEmpty()) {
        if (data.length() > 0) {
          String event = data.toString();
          data.setLength(0);
          if (event.strip().equals("[DONE]")) {
            done = true;
          } else {
            JsonObject chunk = object(event);
            failOnError(chunk);
            chunks++;
            JsonValue choices = chunk.get("choices");
            if (choices instanceof JsonArray list && !list.isEmpty()) {
              JsonObject choice = asObject(list.get(0), "choices[0]");
              JsonValue piece = choice.get("delta") instanceof JsonObject d ? d.get("content") : null;
              if (!isNull(piece)) {
                if (!(piece instanceof JsonString s)) {
                  throw wrongKind("choices[0].delta.content", piece, "a string");
                }
                text.append(s.getString());
                if (sink != null && !s.getString().isEmpty() && !sink.accept(s.getString())) {
                  return new Answer(text.toString(), null, prompt, completion, true);
                }
              }
              String f = finishReason(choice);
              if (f != null) {
                finish = f;
              }
            } else if (!isNull(choices) && !(choices instanceof JsonArray)) {
              throw wrongKind("'choices'", choices, "an array");
            }
            Usage u = usage(chunk.get("usage"));
            prompt = u.prompt != null ? u.prompt : prompt;
            completion = u.completion != null ? u.completion : completion;
          }
        }
        if (line == null) {
          break;
        }
        continue;
      }
      if (line.startsWith(":")) {
        continue; // comment / keep-alive
      }
      if (line.startsWith("data:")) {
        String value = line.substring(5);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(value);
      } else if (!line.startsWith("event:") && !line.startsWith("id:") && !line.startsWith("retry:")) {
        throw new BadAnswer("not a server-sent event line: " + excerpt(line));
      }
    }
    if (!done && finish == null) {
      throw new BadAnswer("the event stream ended after " + chunks + " chunks without [DONE] or a finish_reason");
    }
    return new Answer(text.toString(), finish, prompt, completion);
  }

  /**
   * The message of an error body: OpenAI's {@code {"error": {"message": ...}}}, a plain {@code
   * {"error": "..."}} / {@code {"message"|"detail": ...}}, or the start of the text.
   */
  static String errorMessage(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    try {
      String message = errorMessage(BoundedJson.parse(body));
      if (message != null) {
        return message;
      }
    } catch (BoundedJson.NotJson e) {
      // not JSON: quote the text
    }
    return excerpt(body);
  }

  /** The message of a parsed error body, or {@code null} when it has none of the known shapes. */
  private static String errorMessage(JsonValue v) {
    if (v instanceof JsonObject o) {
      JsonValue e = o.get("error");
      if (e instanceof JsonObject err && err.get("message") instanceof JsonString msg) {
        return msg.getString();
      }
      if (e instanceof JsonString s) {
        return s.getString();
      }
      for (String k : List.of("message", "detail")) {
        if (o.get(k) instanceof JsonString s) {
          return s.getString();
        }
      }
    }
    return null;
  }

  /** At most 200 characters of {@code text}, on one line. */
  static String excerpt(String text) {
    String t = text.strip().replaceAll("\\s+", " ");
    return t.length() <= 200 ? t : t.substring(0, 200) + "...";
  }

  private static JsonObject object(String text) {
    JsonValue v;
    try {
      v = BoundedJson.parse(text);
    } catch (BoundedJson.NotJson e) {
      throw new BadAnswer("not a JSON object (" + e.getMessage() + "): " + excerpt(text), e);
    }
    if (!(v instanceof JsonObject o)) {
      throw new BadAnswer("not a JSON object (" + BoundedJson.kind(v) + "): " + excerpt(text));
    }
    return o;
  }

  private static void failOnError(JsonObject o) {
    JsonValue e = o.get("error");
    if (!isNull(e)) {
      String message = errorMessage(o);
      throw new BadAnswer("the backend reported an error: " + (message != null ? message : excerpt(e.toString())));
    }
  }

  private static JsonObject firstChoice(JsonObject o) {
    JsonValue choices = o.get("choices");
    if (!(choices instanceof JsonArray list)) {
      throw wrongKind("'choices'", choices, "an array");
    }
    if (list.isEmpty()) {
      throw new BadAnswer("'choices' is empty");
    }
    return asObject(list.get(0), "choices[0]");
  }

  private static JsonObject asObject(JsonValue v, String what) {
    if (!(v instanceof JsonObject o)) {
      throw wrongKind(what, v, "an object");
    }
    return o;
  }

  private static String finishReason(JsonObject choice) {
    return choice.get("finish_reason") instanceof JsonString s ? s.getString() : null;
  }

  private record Usage(Long prompt, Long completion) {}

  private static Usage usage(JsonValue u) {
    if (!(u instanceof JsonObject m)) {
      return new Usage(null, null);
    }
    return new Usage(count(m.get("prompt_tokens")), count(m.get("completion_tokens")));
  }

  /**
   * A token count: a number not below 0, cut to a whole number ({@code Long.MAX_VALUE} at most).
   * Through {@code double} first, so that {@code 1e999999999} costs nothing.
   */
  private static Long count(JsonValue v) {
    if (!(v instanceof JsonNumber n)) {
      return null;
    }
    double d = n.doubleValue();
    if (!(d >= 0)) {
      return null;
    }
    return d < 0x1p63 && n.isIntegral() ? n.longValue() : (long) d;
  }
}
