package io.stepcache.packs.math.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.backend.Tokens;
import io.stepcache.packs.math.problem.ProblemReader;
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
  void continuationPromptHoldsTheEquationTheStepsSoFarAndOneInstruction() {
    String user = "What value of t satisfies 4t - 2.5 = 9.5?";
    ContinuationPrompt prompt = ContinuationPrompt.of(ProblemReader.read(user), user,
        List.of("Add 2.5 to both sides: 4t = 12"), null);
    assertThat(prompt.render()).isEqualTo("Solve 4t - 2.5 = 9.5 for t.\n"
        + "Steps so far:\n"
        + "Add 2.5 to both sides: 4t = 12\n"
        + "Write the remaining steps as \"<Operation>: <equation>\" lines, then \"Answer: t = <value>\".");
  }

  @Test
  void continuationPromptIsAFractionOfTheFullPrompt() {
    String user = "What value of t satisfies 4t - 2.5 = 9.5?";
    long full = Tokens.count(new MathPromptBuilder().fullPrompt(TaskRequest.of(user)));
    long fromScratch = Tokens.count(ContinuationPrompt.of(ProblemReader.read(user), user, List.of(), null).render());
    assertThat(fromScratch).isLessThan(60).isLessThan(full / 3);
  }

  @Test
  void continuationPromptWithoutStepsAsksForAllOfThem() {
    String text = new ContinuationPrompt("3x + 5 = 20", "x", List.of(), null).render();
    assertThat(text).isEqualTo(
        "Solve 3x + 5 = 20 for x.\nWrite the steps as \"<Operation>: <equation>\" lines, then \"Answer: x = <value>\".");
  }

  @Test
  void continuationPromptOfAMultiLinePromptTakesTheEquationAsWritten() {
    String user = "Solve for n:\n12   =  5 + n";
    ContinuationPrompt prompt = ContinuationPrompt.of(ProblemReader.read(user), user, List.of(), null);
    assertThat(prompt.equation()).isEqualTo("12 = 5 + n");
    assertThat(prompt.variable()).isEqualTo("n");
  }

  @Test
  void continuationPromptReadsBack() {
    List<ContinuationPrompt> prompts = List.of(
        new ContinuationPrompt("3x + 5 = 20", "x", List.of(), null),
        new ContinuationPrompt("12 = 5 + n", "n", List.of("Swap sides: n + 5 = 12"), null),
        new ContinuationPrompt("3x + 5 = 20", "x", List.of("Subtract 5 from both sides: 3x = 15"),
            "Divide both sides by 3: x = 6"),
        new ContinuationPrompt("3x + 5 = 20", "x", List.of(), "Subtract 5 from both sides: 3x = 16"));
    for (ContinuationPrompt p : prompts) {
      assertThat(ContinuationPrompt.parse(p.render())).hasValue(p);
    }
    assertThat(ContinuationPrompt.parse("Write the remaining steps")).isEmpty();
    assertThat(ContinuationPrompt.parse("Solve 3x + 5 = 20 for x.\nWrite the steps.")).isEmpty();
    String steps = prompts.get(1).render();
    assertThat(ContinuationPrompt.parse(steps.replace("Write the remaining steps", "Write the steps"))).isEmpty();
    assertThat(ContinuationPrompt.parse(steps.replace("Steps so far:\n", ""))).isEmpty();
  }

  @Test
  void continuationPromptNeedsAnEquationAndAnUnknown() {
    assertThatThrownBy(() -> new ContinuationPrompt(" ", "x", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ContinuationPrompt("3x = 1\n2 = 2", "x", List.of(), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
