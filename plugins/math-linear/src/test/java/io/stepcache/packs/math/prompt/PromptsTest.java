package io.stepcache.packs.math.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptsTest {

  @Test
  void fullPromptHoldsTheProblemTheOperationsAndTheExactFormat() {
    String prompt = new MathPromptBuilder().fullPrompt(TaskRequest.of("What value of t satisfies 4t - 2.5 = 9.5?"));
    assertThat(prompt)
        .contains("Problem: What value of t satisfies 4t - 2.5 = 9.5?")
        .contains("\"<Operation>: <equation after the operation>\"")
        .contains("Subtract N from both sides", "Add Nt to both sides", "Divide both sides by N", "Swap sides")
        .contains("\"Answer: t = <value>\"");
  }

  @Test
  void stepPromptShowsStepsSoFarTheRejectedStepAndItsFindings() {
    StepPrompt step = new StepPrompt("Solve 3x + 5 = 20", "x", List.of("Subtract 5 from both sides: 3x = 15"),
        "Divide both sides by 3: x = 6", List.of("MATH_WRONG_ARITHMETIC: step 2 is wrong"));
    String text = step.render();
    assertThat(text)
        .contains("Problem: Solve 3x + 5 = 20")
        .contains("Steps so far:\n1. Subtract 5 from both sides: 3x = 15")
        .contains("This version of step 2 was rejected:\nDivide both sides by 3: x = 6\n- MATH_WRONG_ARITHMETIC")
        .endsWith("Write only step 2, as one line in the answer format (the answer line if the equation is solved).");
  }

  @Test
  void stepPromptReadsBack() {
    StepPrompt step = new StepPrompt("Solve for n:\n12 = 5 + n", "n",
        List.of("Swap sides: n + 5 = 12"), "x", List.of("A: b"));
    assertThat(StepPrompt.parse(step.render()))
        .hasValue(new StepPrompt("Solve for n:\n12 = 5 + n", "n", List.of("Swap sides: n + 5 = 12"), null, List.of()));
    assertThat(StepPrompt.parse("Write only step 2,")).isEmpty();
  }
}
