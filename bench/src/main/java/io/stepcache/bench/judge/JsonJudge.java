package io.stepcache.bench.judge;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Truth.JsonTruth;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.everit.json.schema.loader.SchemaLoader;
import org.json.JSONObject;

/**
 * A JSON extraction is correct when the output is exactly one strict JSON object (no duplicate
 * keys), holds exactly the requested keys, every value equals the true value in type and value
 * (numbers compared numerically, strings exactly), the object meets the request's schema (Everit),
 * and a separate final answer, when given, is the same object.
 */
public final class JsonJudge implements Judge {

  static final JsonJudge INSTANCE = new JsonJudge();

  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  private JsonJudge() {}

  @Override
  public Verdict judge(BenchRequest request, String output, String answerJson) {
    if (!(request.truth() instanceof JsonTruth truth)) {
      throw new IllegalArgumentException("not a JSON request: " + request.label());
    }
    if (output == null || output.isBlank()) {
      return Verdict.wrong("empty output");
    }
    Optional<Map<String, Object>> parsed = Json.parseObject(output.strip());
    if (parsed.isEmpty()) {
      return Verdict.wrong("output is not one strict JSON object");
    }
    Map<String, Object> got = parsed.get();
    if (!got.keySet().equals(truth.expected().keySet())) {
      return Verdict.wrong("keys " + got.keySet() + ", expected " + truth.expected().keySet());
    }
    for (Map.Entry<String, Object> e : truth.expected().entrySet()) {
      Object actual = got.get(e.getKey());
      if (!sameValue(e.getValue(), actual)) {
        return Verdict.wrong("\"" + e.getKey() + "\" is " + Json.write(actual) + ", expected " + Json.write(e.getValue()));
      }
    }
    if (truth.schemaJson() != null) {
      try {
        schema(truth.schemaJson()).validate(new JSONObject(output.strip()));
      } catch (ValidationException ex) {
        return Verdict.wrong("schema violation: " + ex.getMessage());
      } catch (RuntimeException ex) {
        return Verdict.wrong("schema check failed: " + ex.getMessage());
      }
    }
    if (answerJson != null) {
      Optional<Map<String, Object>> answer = Json.parseObject(answerJson);
      if (answer.isEmpty() || !answer.get().keySet().equals(got.keySet())
          || got.keySet().stream().anyMatch(k -> !sameValue(got.get(k), answer.get().get(k)))) {
        return Verdict.wrong("final answer " + answerJson + " disagrees with the output");
      }
    }
    return Verdict.ok();
  }

  /** A {@code "key": value} step is wrong when its key is not asked for or its value is not the true one. */
  @Override
  public boolean anyWrongStep(BenchRequest request, java.util.List<String> steps) {
    JsonTruth truth = (JsonTruth) request.truth();
    for (String step : steps) {
      Optional<Map<String, Object>> one = Json.parseObject("{" + step + "}");
      if (one.isEmpty()) {
        return true;
      }
      for (Map.Entry<String, Object> e : one.get().entrySet()) {
        if (!truth.expected().containsKey(e.getKey()) || !sameValue(truth.expected().get(e.getKey()), e.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private Schema schema(String schemaJson) {
    return schemas.computeIfAbsent(schemaJson, s -> SchemaLoader.load(new JSONObject(s)));
  }

  /** Same JSON type and value; numbers numerically. */
  static boolean sameValue(Object expected, Object actual) {
    if (expected instanceof BigDecimal e) {
      return actual instanceof BigDecimal a && e.compareTo(a) == 0;
    }
    if (expected == null || expected == Json.NULL) {
      return actual == Json.NULL || actual == null;
    }
    return Objects.equals(expected, actual);
  }
}
