package io.stepcache.packs.math.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class MathOracleTest {

  private final MathOracle oracle = new MathOracle();
  private final MathPromptBuilder prompts = new MathPromptBuilder();

  private static String continuation(String userPrompt, List<String> stepsSoFar) {
    return ContinuationPrompt.of(ProblemReader.read(userPrompt), userPrompt, stepsSoFar, null).render();
  }

  @Test
  void fullPromptGetsTheWholeCanonicalSolution() {
    String prompt = prompts.fullPrompt(TaskRequest.of("Find y if 7 = 2y - 3"));
    assertThat(oracle.answer(prompt)).hasValue(
        "Swap sides: 2y - 3 = 7\nAdd 3 to both sides: 2y = 10\nDivide both sides by 2: y = 5\nAnswer: y = 5");
  }

  @Test
  void continuationPromptGetsTheRemainingCanonicalSteps() {
    assertThat(oracle.answer(continuation("Solve 3x + 5 = 20", List.of("Subtract 5 from both sides: 3x = 15"))))
        .hasValue("Divide both sides by 3: x = 5\nAnswer: x = 5");
    assertThat(oracle.answer(continuation("Solve 3x + 5 = 20", List.of())))
        .hasValue("Subtract 5 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: x = 5");
    assertThat(oracle.answer(continuation("Solve 3x + 5 = 20",
        List.of("Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5"))))
        .hasValue("Answer: x = 5");
  }

  @Test
  void continuationPromptWithARejectedLineGetsTheSameAnswer() {
    String prompt = ContinuationPrompt.of(ProblemReader.read("Solve 3x + 5 = 20"), "Solve 3x + 5 = 20",
        List.of("Subtract 5 from both sides: 3x = 15"), "Divide both sides by 3: x = 6").render();
    assertThat(oracle.answer(prompt)).hasValue("Divide both sides by 3: x = 5\nAnswer: x = 5");
  }

  @Test
  void continuationFollowsTheStepsSoFarNotTheCanonicalPath() {
    assertThat(oracle.answer(continuation("Solve 3x + 5 = 20",
        List.of("Divide both sides by 3: x + 1.666666667 = 6.666666667"))))
        .hasValue("Subtract 1.666666667 from both sides: x = 5\nAnswer: x = 5");
  }

  @Test
  void continuationWorksForWordUnknownsAndWordyPrompts() {
    assertThat(oracle.answer(continuation("Solve for n:\n12 = 5 + n", List.of("Swap sides: n + 5 = 12"))))
        .hasValue("Subtract 5 from both sides: n = 7\nAnswer: n = 7");
    assertThat(oracle.answer(continuation("Find the value of price if 3price - 40 = 8price", List.of())))
        .hasValue("Subtract 8price from both sides: -5price - 40 = 0\nAdd 40 to both sides: -5price = 40\n"
            + "Divide both sides by -5: price = -8\nAnswer: price = -8");
  }

  @Test
  void promptsItDidNotBuildOrCannotSolveGetNothing() {
    assertThat(oracle.answer("Solve 3x + 5 = 20")).isEmpty();
    assertThat(oracle.answer("Solve 3x + 5 = 20 for x.\nWrite it down.")).isEmpty();
    assertThat(oracle.answer("Extract the name as JSON: Alice")).isEmpty();
    assertThat(oracle.answer(prompts.fullPrompt(TaskRequest.of("Solve x^2 = 9")))).isEmpty();
    assertThat(oracle.answer(new ContinuationPrompt("x^2 = 9", "x", List.of(), null).render())).isEmpty();
    assertThat(oracle.answer(new ContinuationPrompt("2x + 1 = 2x", "x", List.of(), null).render())).isEmpty();
  }
}
