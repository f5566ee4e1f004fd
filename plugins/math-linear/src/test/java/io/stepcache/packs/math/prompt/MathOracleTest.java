package io.stepcache.packs.math.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathOracleTest {

  private final MathOracle oracle = new MathOracle();
  private final MathPromptBuilder prompts = new MathPromptBuilder();

  @Test
  void fullPromptGetsTheWholeCanonicalSolution() {
    String prompt = prompts.fullPrompt(TaskRequest.of("Find y if 7 = 2y - 3"));
    assertThat(oracle.answer(prompt)).hasValue(
        "Swap sides: 2y - 3 = 7\nAdd 3 to both sides: 2y = 10\nDivide both sides by 2: y = 5\nAnswer: y = 5");
  }

  @Test
  void stepPromptGetsTheOneCorrectNextLine() {
    StepPrompt second = new StepPrompt("Solve 3x + 5 = 20", "x",
        List.of("Subtract 5 from both sides: 3x = 15"), "Divide both sides by 3: x = 6",
        List.of("MATH_WRONG_ARITHMETIC: wrong"));
    assertThat(oracle.answer(second.render())).hasValue("Divide both sides by 3: x = 5");

    StepPrompt first = new StepPrompt("Solve 3x + 5 = 20", "x", List.of(), null, List.of());
    assertThat(oracle.answer(first.render())).hasValue("Subtract 5 from both sides: 3x = 15");

    StepPrompt last = new StepPrompt("Solve 3x + 5 = 20", "x",
        List.of("Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5"), null, List.of());
    assertThat(oracle.answer(last.render())).hasValue("Answer: x = 5");
  }

  @Test
  void stepPromptContinuesFromTheStepsSoFarNotFromTheCanonicalPath() {
    StepPrompt prompt = new StepPrompt("Solve 3x + 5 = 20", "x",
        List.of("Divide both sides by 3: x + 1.666666667 = 6.666666667"), null, List.of());
    assertThat(oracle.answer(prompt.render())).hasValue("Subtract 1.666666667 from both sides: x = 5");
  }

  @Test
  void promptsItDidNotBuildOrCannotSolveGetNothing() {
    assertThat(oracle.answer("Solve 3x + 5 = 20")).isEmpty();
    assertThat(oracle.answer("Extract the name as JSON: Alice")).isEmpty();
    assertThat(oracle.answer(prompts.fullPrompt(TaskRequest.of("Solve x^2 = 9")))).isEmpty();
  }
}
