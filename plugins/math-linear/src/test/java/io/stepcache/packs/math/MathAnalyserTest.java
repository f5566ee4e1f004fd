package io.stepcache.packs.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MathAnalyserTest {

  private final MathAnalyser analyser = new MathAnalyser();

  private Signature analyse(String prompt) {
    return analyser.analyse(TaskRequest.of(prompt));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Solve 3x + 5 = 20",
      "3y + 5 = 20. Solve for y.",
      "What value of t satisfies 4t - 2.5 = 9.5?",
      "Calculate z given 0.5z + 1 = 4",
      "Find n: 5 + 2n = 11",
      "Solve for x: 3*x - 7 = 2",
      "please solve −3x + 5 = 20 for me",
      "**Solve** 3 x + 5 = 20"
  })
  void sameShapeGivesTheSameKeyWhateverTheWording(String prompt) {
    Signature s = analyse(prompt);
    assertThat(s.structureKey()).isEqualTo("linear:v*a+b=c");
    assertThat(s.features()).containsExactly(entry("kind", "linear"));
    assertThat(s.bindings()).containsOnlyKeys("var", "a", "b", "c");
  }

  @Test
  void bindingsAreOrderedCanonicalNumbers() {
    Signature s = analyse("What value of t satisfies 4t - 2.5 = 9.50?");
    assertThat(s.bindings()).containsExactly(entry("var", "t"), entry("a", "4"), entry("b", "-2.5"), entry("c", "9.5"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Find y if 7 = 2y - 3            | linear:c=v*a+b     | var=y, a=2, b=-3, c=7",
      "Solve for n: 12 = 5 + n         | linear:c=v+b       | var=n, b=5, c=12",
      "If 2x + 3 = x - 4, what is x?   | linear:v*a+b=v+d   | var=x, a=2, b=3, d=-4",
      "Solve 2x + 3 = 5x - 4           | linear:v*a+b=v*c+d | var=x, a=2, b=3, c=5, d=-4",
      "Solve 3x = 15                   | linear:v*a=c       | var=x, a=3, c=15",
      "Solve 15 = 3x                   | linear:c=v*a       | var=x, a=3, c=15",
      "Solve x + 4 = 9                 | linear:v+b=c       | var=x, b=4, c=9",
      "Solve -x + 5 = 2                | linear:v*a+b=c     | var=x, a=-1, b=5, c=2",
      "Solve 5 - x = 2                 | linear:v*a+b=c     | var=x, a=-1, b=5, c=2",
      "Solve 2(x + 3) = 10             | linear:#(v+#)=#    | var=x, n1=2, n2=3, n3=10",
      "Solve 3x + 2x = 10              | linear:#v+#v=#     | var=x, n1=3, n2=2, n3=10"
  })
  void shapeStaysInTheKeyAndNumbersGoToBindings(String prompt, String key, String bindings) {
    Signature s = analyse(prompt);
    assertThat(s.structureKey()).isEqualTo(key);
    assertThat(s.feature("kind")).isEqualTo("linear");
    assertThat(s.bindings().toString()).isEqualTo("{" + bindings + "}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Solve x^2 = 9                  | quadratic",
      "Solve x*x + 1 = 5              | quadratic",
      "Solve x² - 4 = 0               | quadratic",
      "Solve x^2 - x^2 + 3x = 5       | quadratic",
      "Solve 2x + y = 5               | system",
      "Solve x + 1 = 2 and x - 1 = 0  | system",
      "Solve 3x + 5 > 20              | inequality",
      "Solve 1 < 2x <= 8              | inequality",
      "Solve 3x + 5 ≥ 20              | inequality",
      "Solve sqrt(x) = 3              | nonlinear",
      "Solve √x = 3                   | nonlinear",
      "Solve 1/x = 4                  | nonlinear",
      "Solve x^3 = 8                  | nonlinear",
      "Solve 2^x = 8                  | nonlinear",
      "Solve 3x + 5 = 3x + 2          | degenerate",
      "Solve x + 1 = x + 1            | degenerate",
      "Is 2 + 3 = 5?                  | unknown",
      "Solve 3x + = 5                 | unknown"
  })
  void otherKindsAreNamedAndNeverThrow(String prompt, String kind) {
    Signature s = analyse(prompt);
    assertThat(s.feature("kind")).isEqualTo(kind);
    assertThat(s.structureKey()).startsWith(kind + ":");
  }

  @Test
  void systemsBindEveryUnknown() {
    Signature s = analyse("Solve 2x + y = 5");
    assertThat(s.structureKey()).isEqualTo("system:#v+v2=#");
    assertThat(s.bindings()).containsExactly(entry("var", "x"), entry("var2", "y"), entry("n1", "2"), entry("n2", "5"));
  }

  @Test
  void promptWithoutAnyEquationIsRejectedWithACode() {
    assertThatThrownBy(() -> analyse("Write a haiku about autumn"))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("MATH_NO_EQUATION"))
        .hasMessageContaining("'='");
  }
}
