package io.stepcache.liberty.rest;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.Conversation;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.TaskRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON shapes of {@code POST /api/v1/completions} (the API contract in openapi.yaml): parsing the request
 * strictly (every wrong type is a {@code MALFORMED_REQUEST} naming the field) and writing the
 * response.
 */
public final class CompletionJson {

  private static final Logger LOG = Logger.getLogger(CompletionJson.class.getName());

  /** Longest tenant id accepted. */

  private CompletionJson() {}

  /**
   * Parses a request body.
   *
   * @param tenantOf the tenant the request is served on, given the tenant its body names (or {@code null});
   *     it refuses a tenant the caller may not use
   * @throws StepCacheException {@code MALFORMED_REQUEST} (not JSON, not an object, a field of the
   *     wrong type), {@code PROMPT_EMPTY}, {@code INVALID_REQUEST} (a bad tenant)
   */
  public static CompletionRequest parseRequest(byte[] body, UnaryOperator<String> tenantOf) {
    JsonObject o = JsonBodies.object(body, "{\"prompt\": \"Solve 3x + 5 = 20.\"}");

    String prompt = string(o, "prompt");
    if (prompt == null || prompt.isBlank()) {
      throw new StepCacheException(
          ErrorCode.PROMPT_EMPTY, "'prompt' is required and must not be empty or blank");
    }
    String task = string(o, "task");
    String claimed = string(o, "tenant");
    if (claimed != null && !claimed.isBlank()) {
      CompletionRequest.tenantProblem(claimed).ifPresent(problem -> {
        throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'tenant' " + problem);
      });
    }
    String tenant = tenantOf.apply(claimed);
    String schemaJson = null;
    JsonValue schema = o.get("schema");
    if (schema != null && schema.getValueType() != JsonValue.ValueType.NULL) {
      if (schema.getValueType() != JsonValue.ValueType.OBJECT) {
        throw malformed("'schema' must be a JSON Schema object, not " + kind(schema));
      }
      schemaJson = schema.toString();
    }
    List<String> requiredKeys = stringList(o, "requiredKeys");
    String model = string(o, "model");
    Double temperature = null;
    JsonValue t = o.get("temperature");
    if (t != null && t.getValueType() != JsonValue.ValueType.NULL) {
      if (t.getValueType() != JsonValue.ValueType.NUMBER) {
        throw malformed("'temperature' must be a number, not " + kind(t));
      }
      temperature = ((JsonNumber) t).doubleValue();
    }
    Integer maxTokens = null;
    JsonValue m = o.get("maxTokens");
    if (m != null && m.getValueType() != JsonValue.ValueType.NULL) {
      if (m.getValueType() != JsonValue.ValueType.NUMBER
          || ((JsonNumber) m).bigDecimalValue().stripTrailingZeros().scale() > 0) {
        throw malformed("'maxTokens' must be a whole number, not " + kind(m));
      }
      try {
        maxTokens = ((JsonNumber) m).bigDecimalValue().intValueExact();
      } catch (ArithmeticException e) {
        throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'maxTokens' is out of range: " + m);
      }
    }
    // the json pack's fields travel as the pack-specific options "schema" and "requiredKeys"
    RequestOptions options = RequestOptions.none()
        .with(TaskRequest.SCHEMA, schemaJson)
        .with(TaskRequest.REQUIRED_KEYS, requiredKeys.isEmpty() ? null : requiredKeys);
    return new CompletionRequest(prompt, task, tenant, options, model, temperature, maxTokens, conversation(o),
        null);
  }

  /**
   * The optional {@code conversation}: {@code [{"role": "system"|"user"|"assistant", "content": "..."}]}, the turns
   * before the prompt (the model sees them; the cache keys on them).
   */
  private static Conversation conversation(JsonObject o) {
    JsonValue v = o.get("conversation");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Conversation.NONE;
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw malformed("'conversation' must be an array of {\"role\", \"content\"} objects, not " + kind(v));
    }
    List<Conversation.Turn> turns = new ArrayList<>();
    JsonArray items = v.asJsonArray();
    for (int i = 0; i < items.size(); i++) {
      String at = "conversation[" + i + "]";
      if (items.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        throw malformed("'" + at + "' must be an object, not " + kind(items.get(i)));
      }
      JsonObject turn = items.getJsonObject(i);
      for (String key : turn.keySet()) {
        if (!key.equals("role") && !key.equals("content")) {
          throw malformed("'" + at + "' has '" + key + "'; a turn has only 'role' and 'content'");
        }
      }
      String role = string(turn, "role");
      String content = string(turn, "content");
      Conversation.Role r = role == null ? null : switch (role) {
        case "system" -> Conversation.Role.SYSTEM;
        case "user" -> Conversation.Role.USER;
        case "assistant" -> Conversation.Role.ASSISTANT;
        default -> null;
      };
      if (r == null || content == null) {
        throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'" + at + "' needs a 'role' (system, user or "
            + "assistant) and a 'content' string");
      }
      turns.add(new Conversation.Turn(r, content));
    }
    return new Conversation(turns);
  }

  /** The response body. {@code findings} is added only when the answer is not verified. */
  public static JsonObject toJson(CompletionResult r) {
    JsonArrayBuilder steps = Jsonp.createArrayBuilder();
    for (ServedStep s : r.steps()) {
      steps.add(step(s));
    }
    JsonObjectBuilder b = Jsonp.createObjectBuilder()
        .add("output", r.output() == null ? "" : r.output())
        .add("answer", answer(r.answerJson()))
        .add("path", r.path().name())
        .add("task", r.task())
        .add("verified", r.verified())
        .add("verification", r.verification().wireName())
        .add("steps", steps);
    if (r.similarity() == null || !Double.isFinite(r.similarity())) {
      b.addNull("similarity");
    } else {
      b.add("similarity", r.similarity());
    }
    b.add("usage", Jsonp.createObjectBuilder()
        .add("promptTokens", r.usage().promptTokens())
        .add("completionTokens", r.usage().completionTokens())
        .add("totalTokens", r.usage().totalTokens()));
    b.add("latencyMs", Double.isFinite(r.latencyMs()) ? r.latencyMs() : 0);
    b.add("timings", timings(r));
    b.add("entryId", Jsonp.stringOrNull(r.entryId()));
    b.add("storedEntryId", Jsonp.stringOrNull(r.storedEntryId()));
    b.add("truncated", r.truncated());
    if (!r.verified()) {
      JsonArrayBuilder f = Jsonp.createArrayBuilder();
      r.findings().forEach(f::add);
      b.add("findings", f);
    }
    return b.build();
  }

  /** Where the request's time went: model calls and the pack's rules, in milliseconds. */
  public static JsonObjectBuilder timings(CompletionResult r) {
    return Jsonp.createObjectBuilder().add("modelMs", r.timings().modelMs()).add("verifyMs", r.timings().verifyMs());
  }

  /** One step of the response (and of a streamed {@code step} event). */
  static JsonObjectBuilder step(ServedStep s) {
    return Jsonp.createObjectBuilder()
        .add("index", s.index())
        .add("text", s.text())
        .add("origin", s.origin().name())
        .add("verified", s.verified())
        .add("verification", s.verification().wireName());
  }

  private static JsonValue answer(String answerJson) {
    if (answerJson == null || answerJson.isBlank()) {
      return JsonValue.NULL;
    }
    try (JsonReader reader = Jsonp.createReader(new StringReader(answerJson))) {
      return reader.readValue();
    } catch (JsonException | IllegalStateException e) {
      LOG.log(Level.WARNING, "The engine returned an answer that is not JSON; answering null: " + answerJson, e);
      return JsonValue.NULL;
    }
  }

  private static List<String> stringList(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw malformed("'" + field + "' must be an array of strings, not " + kind(v));
    }
    List<String> out = new ArrayList<>();
    for (JsonValue e : v.asJsonArray()) {
      if (e.getValueType() != JsonValue.ValueType.STRING) {
        throw malformed("'" + field + "' must be an array of strings; it contains " + kind(e));
      }
      out.add(((JsonString) e).getString());
    }
    return out;
  }

  private static String kind(JsonValue v) {
    return JsonBodies.kind(v);
  }

  private static String string(JsonObject o, String field) {
    return JsonBodies.string(o, field);
  }

  private static StepCacheException malformed(String message) {
    return JsonBodies.malformed(message);
  }
}
