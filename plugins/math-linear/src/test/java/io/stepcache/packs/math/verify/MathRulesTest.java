package io.stepcache.packs.math.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The step and output rules, run by the real Drools rule base through the test kit. */
class MathRulesTest {

  private static PackTestKit kit;

  @BeforeAll
  static void compileRules() {
    kit = PackTestKit.forPack(new MathTaskPack()).build();
  }

  @AfterAll
  static void close() {
    kit.close();
  }

  private static Verification verify(String prompt, String... steps) {
    return kit.verify(TaskRequest.of(prompt), List.of(steps));
  }

  private static List<String> codes(List<Finding> findings) {
    return findings.stream().map(Finding::code).toList();
  }

  private static List<String> stepCodes(Verification v, int index) {
    return codes(v.stepFailures().getOrDefault(index, List.of()));
  }

  @Test
  void canonicalStepsPass() {
    assertThat(verify("Solve 3x + 5 = 20",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5").passed()).isTrue();
    assertThat(verify("Find y if 7 = 2y - 3",
        "Swap sides: 2y - 3 = 7", "Add 3 to both sides: 2y = 10", "Divide both sides by 2: y = 5",
        "Answer: y = 5").passed()).isTrue();
    assertThat(verify("If 2x + 3 = x - 4, what is x?",
        "Subtract x from both sides: x + 3 = -4", "Subtract 3 from both sides: x = -7", "Answer: x = -7")
        .passed()).isTrue();
  }

  @Test
  void anyCorrectPathPassesNotOnlyTheCanonicalOne() {
    Verification v = verify("Solve 3x + 5 = 20",
        "Divide both sides by 3: x + 1.666666667 = 6.666666667",
        "Subtract 1.666666667 from both sides: x = 5",
        "Answer: x = 5");
    assertThat(v.passed()).as(v.messages().toString()).isTrue();
    assertThat(verify("Solve 3x + 5 = 20",
        "Subtract 5 from both sides: 3x + 5 - 5 = 20 - 5", "Divide both sides by 3: x = 5", "Answer: x = 5")
        .passed()).isTrue();
  }

  @Test
  void unreadableStepFails() {
    Verification v = verify("Solve 3x + 5 = 20",
        "Simplify: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(stepCodes(v, 0)).containsExactly("MATH_STEP_UNPARSEABLE");
    assertThat(v.stepFailures().get(0).get(0).reason()).contains("Simplify");
    assertThat(v.stepPassed(1)).isTrue();
  }

  @Test
  void wrongArithmeticFailsTheStepAndTheNextNoLongerFollowsFromIt() {
    Verification v = verify("Solve 3x + 5 = 20",
        "Subtract 5 from both sides: 3x = 16", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(stepCodes(v, 0)).containsExactly("MATH_WRONG_ARITHMETIC");
    assertThat(v.stepFailures().get(0).get(0).reason())
        .contains("3x = 16", "x = 5.333333333", "3x + 5 = 20", "x = 5");
    assertThat(stepCodes(v, 1)).containsExactly("MATH_OPERATION_MISMATCH");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Subtract -5 from both sides: 3x = 15 | Divide both sides by 3: x = 5 | 0",
      "Subtract 5 from both sides: 3x = 15  | Divide both sides by 4: x = 5 | 1",
      "Add 5 to both sides: 3x = 15         | Divide both sides by 3: x = 5 | 0",
      "Subtract 5 from both sides: 3x = 15  | Swap sides: x = 5            | 1"
  })
  void operationThatDoesNotGiveTheStatedEquationFails(String first, String second, int failing) {
    Verification v = verify("Solve 3x + 5 = 20", first, second, "Answer: x = 5");
    assertThat(v.failingSteps()).containsExactly(failing);
    assertThat(stepCodes(v, failing)).containsExactly("MATH_OPERATION_MISMATCH");
  }

  @Test
  void wrongVariableFails() {
    Verification v = verify("Solve 3x + 5 = 20",
        "Subtract 5 from both sides: 3y = 15", "Divide both sides by 3: x = 5", "Answer: y = 5");
    assertThat(stepCodes(v, 0)).containsExactly("MATH_WRONG_VARIABLE");
    assertThat(stepCodes(v, 2)).containsExactly("MATH_WRONG_VARIABLE");
    assertThat(v.stepFailures().get(0).get(0).reason()).contains("y", "x");
  }

  @Test
  void wrongAnswerFails() {
    Verification v = verify("Solve 3x + 5 = 20",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 6");
    assertThat(v.failingSteps()).containsExactly(2);
    assertThat(stepCodes(v, 2)).containsExactly("MATH_WRONG_ANSWER");
  }

  @Test
  void answerThatSkipsStepsFails() {
    Verification v = verify("Solve 3x + 5 = 20", "Subtract 5 from both sides: 3x = 15", "Answer: x = 5");
    assertThat(stepCodes(v, 1)).containsExactly("MATH_ANSWER_NOT_DERIVED");
  }

  @Test
  void missingAnswerFailsTheOutput() {
    Verification v = verify("Solve 3x + 5 = 20", "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5");
    assertThat(v.failingSteps()).isEmpty();
    assertThat(codes(v.outputFailures())).contains("MATH_ANSWER_MISSING");
  }

  @Test
  void answerTwiceOrNotLastFailsTheOutput() {
    Verification twice = verify("Solve 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5", "Answer: x = 5");
    assertThat(codes(twice.outputFailures())).contains("MATH_ANSWER_DUPLICATED");
    Verification early = verify("Solve 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5",
        "Multiply both sides by 2: 2x = 10");
    assertThat(codes(early.outputFailures())).containsExactly("MATH_ANSWER_NOT_LAST");
  }

  @Test
  void stepsAreCheckedAgainstTheNewRequestNotTheOldOne() {
    Verification v = verify("Solve 3x + 7 = 22",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(stepCodes(v, 0)).containsExactly("MATH_OPERATION_MISMATCH");
    assertThat(v.stepPassed(1)).isTrue();
    assertThat(v.stepPassed(2)).isTrue();
  }

  @Test
  void problemsThePackCannotCheckNeverVerify() {
    Verification v = verify("Solve x^2 = 9", "Answer: x = 3");
    assertThat(codes(v.outputFailures())).contains("MATH_NOT_VERIFIABLE");
    assertThat(v.outputFailures()).anySatisfy(f -> assertThat(f.reason()).contains("quadratic"));
  }
}
