package io.stepcache.bench.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The ground truth of one request, known to the generator and used only by the judges. */
public sealed interface Truth {

  /**
   * A linear equation's solution.
   *
   * @param variable the unknown's name as the prompt writes it
   * @param solution the exact solution
   * @param equation the equation as written in the prompt
   */
  record MathTruth(String variable, double solution, String equation) implements Truth {
    public MathTruth {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(equation, "equation");
    }
  }

  /**
   * The JSON object a correct extraction returns.
   *
   * @param expected key to value ({@link String}, {@link java.math.BigDecimal}, {@link Boolean}),
   *     in the request's key order
   * @param schemaJson the schema the answer must meet, or {@code null}
   * @param source what the request's text says, for a model that reads it right, or {@code null}
   */
  record JsonTruth(Map<String, Object> expected, String schemaJson, JsonSource source) implements Truth {
    public JsonTruth {
      expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** Without the source (judging needs only the expected object). */
    public JsonTruth(Map<String, Object> expected, String schemaJson) {
      this(expected, schemaJson, null);
    }

    /** The expected keys, in order. */
    public List<String> keys() {
      return List.copyOf(expected.keySet());
    }
  }

  /**
   * The facts of one JSON request's source text, so that a truthful simulated model can answer any
   * prompt about it, also focused prompts for keys the request renamed.
   *
   * @param text the source text as the request's prompt embeds it
   * @param valueByConcept every value the text holds, by concept (a {@link String} or a {@link
   *     java.math.BigDecimal}, as the concept's type), the distractors beside the true values too
   * @param conceptByKey every key name a request may use for one of those concepts, to the concept
   */
  record JsonSource(String text, Map<String, Object> valueByConcept, Map<String, String> conceptByKey) {
    public JsonSource {
      Objects.requireNonNull(text, "text");
      valueByConcept = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valueByConcept));
      conceptByKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conceptByKey));
    }
  }
}
