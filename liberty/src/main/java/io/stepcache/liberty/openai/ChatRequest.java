package io.stepcache.liberty.openai;

import io.stepcache.backend.openai.BoundedJson;
import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.Conversation;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.TaskRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code POST /v1/chat/completions} request, read strictly: every parameter StepCache does not
 * support is refused by name ({@code UNSUPPORTED_PARAMETER}) instead of being ignored.
 *
 * <ul>
 *   <li>{@code messages}: roles {@code system} (or {@code developer}), {@code user} and {@code assistant}, content
 *       a string or text parts (joined); the last message must be a user turn. Its content is the prompt the
 *       pack analyses; every message before it is the conversation ({@link Conversation}): sent to the model
 *       before the pack's prompt and part of the cache key, so an answer is never reused under another system
 *       prompt or another chat history. Tool messages and tool calls are refused.
 *   <li>{@code model}, {@code temperature} (0..2), {@code max_tokens} or {@code
 *       max_completion_tokens} (&ge; 1), {@code n} (only 1), {@code stream}, {@code
 *       stream_options.include_usage}, {@code user}, {@code response_format} ({@code text}, {@code
 *       json_object} (the json pack, keys named in the prompt), or {@code json_schema} whose schema goes to
 *       the json pack and on to the model server).
 *   <li>The standard parameters SDKs send by default ({@link NeutralParameters}: {@code top_p: 1}, {@code seed},
 *       {@code stop: []}, {@code tools: []}, ...) at their neutral value; another value is refused by name.
 *   <li>A parameter whose value is {@code null} counts as absent.
 * </ul>
 *
 * @param prompt the last user message: what the pack analyses
 * @param conversation the messages before it (system prompt, earlier turns): the model sees them and the cache
 *     keys on them
 * @param model the model asked for, or {@code null}
 * @param temperature or {@code null}
 * @param maxTokens or {@code null}
 * @param stream answer with server-sent events
 * @param includeUsage send a usage chunk before {@code [DONE]} (streaming only)
 * @param user the {@code user} field, or {@code null}
 * @param schemaJson the {@code json_schema} schema as JSON text, or {@code null}
 * @param jsonObject {@code response_format: json_object}: the json pack, keys from the prompt
 */
public record ChatRequest(
    String prompt,
    Conversation conversation,
    String model,
    Double temperature,
    Integer maxTokens,
    boolean stream,
    boolean includeUsage,
    String user,
    String schemaJson,
    boolean jsonObject) {

  /** The parameters StepCache understands; anything else is an {@code UNSUPPORTED_PARAMETER}. */
  public static final List<String> SUPPORTED = List.of("model", "messages", "temperature", "max_tokens",
      "max_completion_tokens", "n", "stream", "stream_options", "user", "response_format");

  /** The pack {@code response_format: json_object} selects when no {@code X-StepCache-Task} names one. */
  static final String JSON_PACK = "json";

  private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content");

  /** The roles a message may have; {@code developer} is OpenAI's newer name for {@code system}. */
  private static final Map<String, Conversation.Role> ROLES = Map.of(
      "system", Conversation.Role.SYSTEM,
      "developer", Conversation.Role.SYSTEM,
      "user", Conversation.Role.USER,
      "assistant", Conversation.Role.ASSISTANT);

  /** Reads a request body. */
  public static ChatRequest parse(byte[] body) {
    JsonObject o = object(body);
    for (String key : o.keySet()) {
      if (o.get(key).getValueType() == JsonValue.ValueType.NULL || SUPPORTED.contains(key)) {
        continue;
      }
      if (NeutralParameters.isKnown(key)) {
        NeutralParameters.check(key, o.get(key));
      } else {
        throw OpenAiException.unsupported(key, "StepCache does not support the parameter '" + key
            + "'; remove it. Supported: " + String.join(", ", SUPPORTED) + "; at their neutral value: "
            + String.join(", ", NeutralParameters.names()) + ".");
      }
    }
    Messages messages = messages(o);
    String model = string(o, "model");
    Double temperature = number(o, "temperature");
    if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
      throw OpenAiException.invalid("temperature", "'temperature' must be between 0 and 2, got " + temperature);
    }
    Integer maxTokens = positiveInt(o, "max_tokens");
    Integer maxCompletionTokens = positiveInt(o, "max_completion_tokens");
    if (maxTokens != null && maxCompletionTokens != null && !maxTokens.equals(maxCompletionTokens)) {
      throw OpenAiException.invalid("max_completion_tokens",
          "'max_tokens' and 'max_completion_tokens' differ; send one of them");
    }
    Integer limit = maxCompletionTokens != null ? maxCompletionTokens : maxTokens;
    Integer n = positiveInt(o, "n");
    if (n != null && n != 1) {
      throw OpenAiException.unsupported("n", "StepCache returns one choice; 'n' must be 1, got " + n);
    }
    boolean stream = bool(o, "stream");
    boolean includeUsage = false;
    JsonValue so = present(o, "stream_options");
    if (so != null) {
      if (so.getValueType() != JsonValue.ValueType.OBJECT) {
        throw OpenAiException.invalid("stream_options", "'stream_options' must be an object");
      }
      if (!stream) {
        throw OpenAiException.invalid("stream_options", "'stream_options' is only allowed with 'stream': true");
      }
      for (String key : so.asJsonObject().keySet()) {
        if (!key.equals("include_usage")) {
          throw OpenAiException.unsupported("stream_options." + key,
              "StepCache does not support 'stream_options." + key + "'; only include_usage");
        }
      }
      includeUsage = bool(so.asJsonObject(), "include_usage");
    }
    String user = string(o, "user");
    String schemaJson = schema(o);
    boolean jsonObject = schemaJson == null && "json_object".equals(responseFormatType(o));
    return new ChatRequest(messages.prompt(), messages.before(), model, temperature, limit, stream, includeUsage, user,
        schemaJson, jsonObject);
  }

  /**
   * The engine request; the {@code json_schema} schema is the option {@link TaskRequest#SCHEMA}.
   *
   * @param task the pack id from {@code X-StepCache-Task}, or {@code null} to detect
   * @param tenant the tenant (principal, {@code X-StepCache-Tenant} or {@code user}), or {@code null}
   * @param cache the request's cache directives (its headers)
   */
  public CompletionRequest toCompletionRequest(String task, String tenant, CacheDirectives cache) {
    RequestOptions options = RequestOptions.none().with(TaskRequest.SCHEMA, schemaJson);
    String pack = task != null ? task : jsonObject ? JSON_PACK : null;
    return new CompletionRequest(prompt, pack, tenant, options, model, temperature, maxTokens, conversation, cache);
  }

  private static String responseFormatType(JsonObject o) {
    JsonValue rf = present(o, "response_format");
    return rf == null ? null : string(rf.asJsonObject(), "type");
  }

  private static JsonObject object(byte[] body) {
    if (body.length == 0) {
      throw new OpenAiException(400, OpenAiException.MALFORMED_REQUEST, null,
          "The request body is empty; send a chat completion request as JSON");
    }
    JsonValue value;
    try {
      value = BoundedJson.parse(new String(body, StandardCharsets.UTF_8));
    } catch (BoundedJson.NotJson e) {
      throw malformed("The request body is not one valid JSON value nested less than " + BoundedJson.MAX_DEPTH
          + " levels deep: " + e.getMessage());
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw malformed("The request body must be a JSON object");
    }
    return value.asJsonObject();
  }

  private static OpenAiException malformed(String message) {
    return new OpenAiException(400, OpenAiException.MALFORMED_REQUEST, null, message);
  }

  /** The messages: every turn but the last is the conversation, the last (a user turn) is the prompt. */
  private record Messages(Conversation before, String prompt) {}

  private static Messages messages(JsonObject o) {
    JsonValue m = present(o, "messages");
    if (m == null) {
      throw OpenAiException.invalid("messages", "'messages' is required: [{\"role\": \"user\", \"content\": \"...\"}]");
    }
    if (m.getValueType() != JsonValue.ValueType.ARRAY || m.asJsonArray().isEmpty()) {
      throw OpenAiException.invalid("messages", "'messages' must be a non-empty array");
    }
    JsonArray messages = m.asJsonArray();
    List<Conversation.Turn> turns = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      String at = "messages[" + i + "]";
      if (messages.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw OpenAiException.invalid(at, at + " must be an object");
      }
      JsonObject msg = messages.getJsonObject(i);
      String roleName = msg.get("role") instanceof JsonString s ? s.getString() : null;
      if (roleName == null) {
        throw OpenAiException.invalid(at + ".role", at + ".role must be a string");
      }
      Conversation.Role role = ROLES.get(roleName);
      if (role == null) {
        throw OpenAiException.unsupported(at + ".role", at + " has role '" + roleName + "'; StepCache takes the roles "
            + "system, developer, user and assistant" + (roleName.equals("tool") || roleName.equals("function")
                ? " (tools are not supported)" : ""));
      }
      for (String key : msg.keySet()) {
        if (!MESSAGE_FIELDS.contains(key) && msg.get(key).getValueType() != JsonValue.ValueType.NULL
            && !isEmptyArray(msg.get(key))) {
          throw OpenAiException.unsupported(at + "." + key,
              "StepCache does not support '" + key + "' in a message; send role and content only");
        }
      }
      turns.add(new Conversation.Turn(role, content(msg, at + ".content")));
    }
    int last = turns.size() - 1;
    if (turns.get(last).role() != Conversation.Role.USER) {
      throw OpenAiException.invalid("messages[" + last + "].role", "The last message must have role 'user': it is "
          + "the turn StepCache answers (an assistant message to continue is not supported)");
    }
    String prompt = turns.get(last).content();
    if (prompt.isBlank()) {
      throw OpenAiException.invalid("messages[" + last + "].content", "The last user message must not be empty");
    }
    return new Messages(new Conversation(turns.subList(0, last)), prompt);
  }

  private static boolean isEmptyArray(JsonValue v) {
    return v.getValueType() == JsonValue.ValueType.ARRAY && v.asJsonArray().isEmpty();
  }

  private static String content(JsonObject msg, String where) {
    JsonValue c = msg.get("content");
    if (c instanceof JsonString s) {
      return s.getString();
    }
    if (c == null || c.getValueType() != JsonValue.ValueType.ARRAY) {
      throw OpenAiException.invalid(where, where + " must be a string or an array of text parts");
    }
    StringBuilder sb = new StringBuilder();
    JsonArray parts = c.asJsonArray();
    for (int j = 0; j < parts.size(); j++) {
      String at = where + "[" + j + "]";
      if (parts.get(j).getValueType() != JsonValue.ValueType.OBJECT) {
        throw OpenAiException.invalid(at, at + " must be an object");
      }
      JsonObject part = parts.getJsonObject(j);
      String type = part.get("type") instanceof JsonString s ? s.getString() : null;
      if (!"text".equals(type)) {
        throw OpenAiException.unsupported(at + ".type",
            "StepCache accepts text content only; " + at + " has type '" + type + "'");
      }
      if (!(part.get("text") instanceof JsonString text)) {
        throw OpenAiException.invalid(at + ".text", at + ".text must be a string");
      }
      sb.append(text.getString());
    }
    return sb.toString();
  }

  private static String schema(JsonObject o) {
    JsonValue rf = present(o, "response_format");
    if (rf == null) {
      return null;
    }
    if (rf.getValueType() != JsonValue.ValueType.OBJECT) {
      throw OpenAiException.invalid("response_format", "'response_format' must be an object");
    }
    String type = string(rf.asJsonObject(), "type");
    if (type == null || type.equals("text")) {
      return null;
    }
    if (type.equals("json_object")) {
      return null; // the json pack, without a schema: the keys come from the prompt
    }
    if (!type.equals("json_schema")) {
      throw OpenAiException.unsupported("response_format.type", "response_format '" + type + "' is not supported; "
          + "use 'text', 'json_object' or 'json_schema'");
    }
    JsonValue js = present(rf.asJsonObject(), "json_schema");
    if (js == null || js.getValueType() != JsonValue.ValueType.OBJECT) {
      throw OpenAiException.invalid("response_format.json_schema",
          "response_format 'json_schema' needs a 'json_schema' object with a 'schema'");
    }
    for (String key : js.asJsonObject().keySet()) {
      if (!Set.of("name", "schema", "strict", "description").contains(key)) {
        throw OpenAiException.unsupported("response_format.json_schema." + key,
            "StepCache does not support 'response_format.json_schema." + key + "'");
      }
    }
    JsonValue schema = present(js.asJsonObject(), "schema");
    if (schema == null || schema.getValueType() != JsonValue.ValueType.OBJECT) {
      throw OpenAiException.invalid("response_format.json_schema.schema",
          "response_format.json_schema.schema must be a JSON Schema object");
    }
    return schema.toString();
  }

  private static JsonValue present(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
  }

  private static String string(JsonObject o, String key) {
    JsonValue v = present(o, key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw OpenAiException.invalid(key, "'" + key + "' must be a string");
    }
    return s.getString();
  }

  private static Double number(JsonObject o, String key) {
    JsonValue v = present(o, key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonNumber n)) {
      throw OpenAiException.invalid(key, "'" + key + "' must be a number");
    }
    return n.doubleValue();
  }

  private static Integer positiveInt(JsonObject o, String key) {
    JsonValue v = present(o, key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.bigDecimalValue().compareTo(java.math.BigDecimal.ONE) < 0
        || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw OpenAiException.invalid(key, "'" + key + "' must be a whole number of at least 1");
    }
    return n.intValue();
  }

  private static boolean bool(JsonObject o, String key) {
    JsonValue v = present(o, key);
    if (v == null) {
      return false;
    }
    if (v.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (v.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    throw OpenAiException.invalid(key, "'" + key + "' must be true or false");
  }
}
