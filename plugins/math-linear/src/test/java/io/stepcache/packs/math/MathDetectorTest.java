package io.stepcache.packs.math;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.TaskRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MathDetectorTest {

  private final MathDetector detector = new MathDetector();

  private double claim(String prompt) {
    return detector.claim(TaskRequest.of(prompt));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Solve 3x + 5 = 20",
      "Find y if 7 = 2y - 3",
      "What value of t satisfies 4t - 2.5 = 9.5?",
      "Solve for n: 12 = 5 + n",
      "If 2x + 3 = x - 4, what is x?",
      "Calculate z given 0.5z + 1 = 4",
      "3x + 5 = 20. Solve for x.",
      "Solve -2x + 3 = 7",
      "Find the price if 3price + 2 = 11",
      "Solve for price: price + 2 = 11",
      "Solve **3x + 5 = 20**",
      "Solve x**2 = 9"
  })
  void claimsLinearEquationsInOneUnknown(String prompt) {
    assertThat(claim(prompt)).isEqualTo(MathDetector.CERTAIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Solve x^2 = 9", "Solve x² - 4 = 0", "Solve sqrt(x) = 3", "Solve 1/x = 4",
      "Solve 3x + 5 > 20", "Solve 3x + 5 = 3x + 2"})
  void claimsNonLinearOneUnknownProblemsSoTheGuardCanSkipThem(String prompt) {
    assertThat(claim(prompt)).isEqualTo(MathDetector.CERTAIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Solve 2x + y = 5", "Solve x + 1 = 2 and x - 1 = 0"})
  void claimsSystemsLessSurely(String prompt) {
    assertThat(claim(prompt)).isEqualTo(MathDetector.LIKELY);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Extract name as JSON from 'Alice is 31 years old'",
      "Extract name and age as JSON from: name = Bob, age = 30",
      "Write a haiku about autumn",
      "Is 2 + 3 = 5?",
      "Set temperature = 0.7 and write a poem",
      ""
  })
  void rejectsPromptsWithoutAnEquationInAnUnknown(String prompt) {
    assertThat(claim(prompt)).isZero();
  }
}
