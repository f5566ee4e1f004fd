package io.stepcache.liberty.openai;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Standard OpenAI parameters that SDKs send with their default value (LangChain4j, the AI SDK, the {@code openai}
 * clients): accepted at the value that leaves the answer as it is, refused by name at any other, since StepCache
 * serves verified answers and cannot honour sampling, penalties, stop sequences or tools.
 */
final class NeutralParameters {

  private record Neutral(String description, Predicate<JsonValue> test) {}

  private static final Map<String, Neutral> NEUTRAL = new LinkedHashMap<>();

  static {
    NEUTRAL.put("top_p", new Neutral("1", v -> number(v, BigDecimal.ONE)));
    NEUTRAL.put("presence_penalty", new Neutral("0", v -> number(v, BigDecimal.ZERO)));
    NEUTRAL.put("frequency_penalty", new Neutral("0", v -> number(v, BigDecimal.ZERO)));
    NEUTRAL.put("logprobs", new Neutral("false", v -> v == JsonValue.FALSE));
    NEUTRAL.put("top_logprobs", new Neutral("0", v -> number(v, BigDecimal.ZERO)));
    NEUTRAL.put("logit_bias", new Neutral("{}", v -> v.getValueType() == JsonValue.ValueType.OBJECT
        && v.asJsonObject().isEmpty()));
    NEUTRAL.put("stop", new Neutral("[] or \"\"", v -> v.getValueType() == JsonValue.ValueType.ARRAY
        ? v.asJsonArray().isEmpty() : v instanceof JsonString s && s.getString().isEmpty()));
    NEUTRAL.put("tools", new Neutral("[]", v -> v.getValueType() == JsonValue.ValueType.ARRAY
        && v.asJsonArray().isEmpty()));
    NEUTRAL.put("tool_choice", new Neutral("\"none\" or \"auto\" (without tools)", v -> v instanceof JsonString s
        && List.of("none", "auto").contains(s.getString())));
    NEUTRAL.put("parallel_tool_calls", new Neutral("true or false", v -> v == JsonValue.TRUE || v == JsonValue.FALSE));
    NEUTRAL.put("seed", new Neutral("any whole number", v -> v instanceof JsonNumber n && n.isIntegral()));
    NEUTRAL.put("store", new Neutral("true or false", v -> v == JsonValue.TRUE || v == JsonValue.FALSE));
    NEUTRAL.put("metadata", new Neutral("an object", v -> v.getValueType() == JsonValue.ValueType.OBJECT));
    NEUTRAL.put("service_tier", new Neutral("\"auto\" or \"default\"", v -> v instanceof JsonString s
        && List.of("auto", "default").contains(s.getString())));
  }

  private NeutralParameters() {}

  /** Whether {@code name} is a parameter accepted at its neutral value. */
  static boolean isKnown(String name) {
    return NEUTRAL.containsKey(name);
  }

  /** The parameters accepted at their neutral value, for messages and docs. */
  static List<String> names() {
    return List.copyOf(NEUTRAL.keySet());
  }

  /**
   * Refuses {@code value} of parameter {@code name} unless it is the neutral one.
   *
   * @throws OpenAiException {@code UNSUPPORTED_PARAMETER} naming the parameter and the value it accepts
   */
  static void check(String name, JsonValue value) {
    Neutral n = NEUTRAL.get(name);
    if (!n.test().test(value)) {
      throw OpenAiException.unsupported(name, "StepCache serves verified answers and cannot honour '" + name + "': "
          + value + "; send " + n.description() + " or leave it out");
    }
  }

  private static boolean number(JsonValue v, BigDecimal expected) {
    return v instanceof JsonNumber n && n.bigDecimalValue().compareTo(expected) == 0;
  }
}
