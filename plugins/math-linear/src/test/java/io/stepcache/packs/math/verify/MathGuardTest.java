package io.stepcache.packs.math.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.spi.verify.Finding;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reuse guard, run by the real Drools rule base through the test kit. */
class MathGuardTest {

  private static PackTestKit kit;

  @BeforeAll
  static void compileRules() {
    kit = PackTestKit.forPack(new MathTaskPack()).build();
  }

  @AfterAll
  static void close() {
    kit.close();
  }

  private static List<String> skipCodes(String cachedPrompt, String freshPrompt) {
    return kit.guard(kit.analyse(cachedPrompt), kit.analyse(freshPrompt)).skipReasons().stream()
        .map(Finding::code)
        .toList();
  }

  @Test
  void newConstantsRenamedUnknownOrOtherWordingMayReuse() {
    assertThat(skipCodes("Solve 3x + 5 = 20", "Solve 2x - 7 = 4")).isEmpty();
    assertThat(skipCodes("Solve 3x + 5 = 20", "What value of t satisfies 4t - 2.5 = 9.5?")).isEmpty();
    assertThat(skipCodes("Solve 3x + 5 = 20", "Calculate z given 0.5z + 1 = 4")).isEmpty();
  }

  @Test
  void aNonLinearSideSkips() {
    assertThat(skipCodes("Solve 3x + 5 = 20", "Solve 3x^2 + 5 = 20")).contains("MATH_NOT_LINEAR", "KIND_CHANGED");
    assertThat(skipCodes("Solve 3x^2 + 5 = 20", "Solve 3x + 5 = 20")).contains("MATH_NOT_LINEAR");
    assertThat(skipCodes("Solve x^2 = 4", "Solve x^2 = 9")).containsExactly("MATH_NOT_LINEAR");
    assertThat(skipCodes("Solve 3x + 5 = 3x + 2", "Solve 3x + 1 = 3x + 2")).containsExactly("MATH_NOT_LINEAR");
    assertThat(skipCodes("Solve 3x + 5 > 20", "Solve 3x + 1 > 2")).containsExactly("MATH_NOT_LINEAR");
  }

  @Test
  void aDifferentShapeSkips() {
    assertThat(skipCodes("Solve 3x + 5 = 20", "Find y if 7 = 2y - 3")).containsExactly("MATH_SHAPE_CHANGED");
    assertThat(skipCodes("Solve 3x + 5 = 20", "Solve 3x = 20")).containsExactly("MATH_SHAPE_CHANGED");
  }
}
