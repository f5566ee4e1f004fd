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
   */
  record JsonTruth(Map<String, Object> expected, String schemaJson) implements Truth {
    public JsonTruth {
      expected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
    }

    /** The expected keys, in order. */
    public List<String> keys() {
      return List.copyOf(expected.keySet());
    }
  }
}
