package io.stepcache.packs.math.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.backend.Tokens;
import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.packs.math.prompt.MathOracle;
import io.stepcache.spi.Signature;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.ModelCall;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.verify.Verification;
import io.stepcache.testkit.PackTestKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The continuation repair with a scripted model and the real rules. */
class ContinuationRepairTest {

  private static final ModelCall NO_CALL = p -> {
    throw new AssertionError("no model call expected, got: " + p);
  };

  /** The pack's own perfect model. */
  private static final ModelCall ORACLE =
      p -> new MathOracle().answer(p).orElseThrow(() -> new AssertionError("oracle cannot answer: " + p));

  private static PackTestKit kit;

  @BeforeAll
  static void compileRules() {
    kit = PackTestKit.forPack(new MathTaskPack()).build();
  }

  @AfterAll
  static void close() {
    kit.close();
  }

  /** A hand-written context: the given steps, a scripted model, the kit's rules. */
  private static final class Context implements RepairContext {
    private final TaskRequest request;
    private final List<Draft> steps;
    private final ModelCall model;
    final List<String> prompts = new ArrayList<>();

    Context(String prompt, ModelCall model, String... steps) {
      this.request = TaskRequest.of(prompt);
      this.steps = List.of(steps).stream().map(s -> new Draft(s, StepOrigin.REUSED)).toList();
      this.model = model;
    }

    @Override
    public TaskRequest request() {
      return request;
    }

    @Override
    public Signature signature() {
      return kit.analyse(request.prompt());
    }

    @Override
    public List<Draft> steps() {
      return steps;
    }

    @Override
    public Verification verification() {
      return verify(steps.stream().map(Draft::text).toList());
    }

    @Override
    public String rawOutput() {
      return null;
    }

    @Override
    public ModelCall model() {
      return prompt -> {
        prompts.add(prompt);
        return model.complete(prompt);
      };
    }

    @Override
    public Verification verify(List<String> candidate) {
      return kit.verify(request, candidate);
    }
  }

  private static List<String> texts(List<Draft> drafts) {
    return drafts.stream().map(Draft::text).toList();
  }

  private static boolean verifies(Context ctx, List<Draft> steps) {
    return kit.verify(ctx.request(), texts(steps)).passed();
  }

  @Test
  void aWrongStepIsFixedByOneCompactContinuationCall() {
    Context ctx = new Context("Please solve this for me: 3x + 5 = 20. Show your work.", ORACLE,
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 6");
    List<Draft> repaired = new ContinuationRepair(1).repair(ctx);

    assertThat(ctx.prompts).hasSize(1);
    assertThat(texts(repaired)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.REGENERATED, StepOrigin.REGENERATED);
    assertThat(verifies(ctx, repaired)).isTrue();

    String prompt = ctx.prompts.get(0);
    assertThat(prompt).isEqualTo("Solve 3x + 5 = 20 for x.\n"
        + "Steps so far:\n"
        + "Subtract 5 from both sides: 3x = 15\n"
        + "Write the remaining steps as \"<Operation>: <equation>\" lines, then \"Answer: x = <value>\".");
    // Compact: no format explanation, no rejected step, no findings; < 60 tokens besides the steps.
    assertThat(prompt).doesNotContain("x = 6", "MATH_", "Show your work", "Answer format");
    assertThat(Tokens.count(prompt) - Tokens.count("Subtract 5 from both sides: 3x = 15")).isLessThan(60);
  }

  @Test
  void theContinuationReplacesEveryStepFromTheFirstFailingOne() {
    // Only step 1 is wrong; steps 2 and 3 are rewritten too, from the verified prefix (here empty).
    Context ctx = new Context("Solve 3x + 5 = 20", ORACLE,
        "Subtract 5 from both sides: 3x = 16", "Divide both sides by 3: x = 5", "Answer: x = 5");
    List<Draft> repaired = new ContinuationRepair(1).repair(ctx);
    assertThat(ctx.prompts).hasSize(1);
    assertThat(ctx.prompts.get(0))
        .startsWith("Solve 3x + 5 = 20 for x.\nWrite the steps as")
        .doesNotContain("Steps so far");
    assertThat(repaired).extracting(Draft::origin).containsOnly(StepOrigin.REGENERATED);
    assertThat(texts(repaired)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
  }

  @Test
  void chatterAndRepeatedStepsInTheReplyAreDropped() {
    Context ctx = new Context("Solve 3x + 5 = 20",
        p -> "Sure! Continuing:\n1. Subtract 5 from both sides: 3x = 15\n**2.** Divide both sides by 3: x = 5\n"
            + "Answer: x = 5\nAnswer: x = 5\nHope this helps",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 6");
    List<Draft> repaired = new ContinuationRepair(1).repair(ctx);
    assertThat(ctx.prompts).hasSize(1);
    assertThat(texts(repaired)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.REGENERATED, StepOrigin.REGENERATED);
  }

  @Test
  void aWrongContinuationKeepsItsVerifiedLinesAndTheSolverWritesTheRest() {
    // The continuation's first line is right, its answer is wrong.
    Context ctx = new Context("If 2x + 3 = x - 4, what is x?",
        p -> "Subtract 3 from both sides: x = -7\nAnswer: x = 7",
        "Subtract x from both sides: x + 3 = -4", "Subtract 3 from both sides: x = -1", "Answer: x = -1");
    List<Draft> repaired = new ContinuationRepair(1).repair(ctx);
    assertThat(ctx.prompts).hasSize(1);
    assertThat(texts(repaired)).containsExactly(
        "Subtract x from both sides: x + 3 = -4", "Subtract 3 from both sides: x = -7", "Answer: x = -7");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.REGENERATED, StepOrigin.SOLVED);
    assertThat(verifies(ctx, repaired)).isTrue();
  }

  @Test
  void aHopelessContinuationEndsInSolvedStepsThatVerify() {
    Context ctx = new Context("Solve 3x + 5 = 20", p -> "Divide both sides by 3: x = 7\nAnswer: x = 7",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 6");
    List<Draft> repaired = new ContinuationRepair(1).repair(ctx);
    assertThat(ctx.prompts).hasSize(1);
    assertThat(texts(repaired)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.SOLVED, StepOrigin.SOLVED);
    assertThat(verifies(ctx, repaired)).isTrue();
  }

  @Test
  void anUnusableReplyIsCompletedByTheSolver() {
    Context ctx = new Context("Solve 3x + 5 = 20", p -> "I am not sure how to answer that.",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 6");
    List<Draft> repaired = new ContinuationRepair(1).repair(ctx);
    assertThat(ctx.prompts).hasSize(1);
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.SOLVED, StepOrigin.SOLVED);
    assertThat(verifies(ctx, repaired)).isTrue();
  }

  @Test
  void maxAttemptsBoundsTheCallsPerRepairAndRetriesNameTheWrongLine() {
    List<String> replies = new ArrayList<>(List.of(
        "Divide both sides by 3: x = 7\nAnswer: x = 7",
        "Divide both sides by 3: x = 5\nAnswer: x = 4",
        "Answer: x = 3"));
    Context ctx = new Context("Solve 3x + 5 = 20", p -> replies.remove(0),
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 6");
    List<Draft> repaired = new ContinuationRepair(3).repair(ctx);

    assertThat(ctx.prompts).hasSize(3);
    assertThat(ctx.prompts.get(0)).doesNotContain("Wrong:");
    assertThat(ctx.prompts.get(1)).contains("Subtract 5 from both sides: 3x = 15\nWrong: Divide both sides by 3: x = 7\n");
    // The second reply's first line verified, so the third call continues after it.
    assertThat(ctx.prompts.get(2))
        .contains("Steps so far:\nSubtract 5 from both sides: 3x = 15\nDivide both sides by 3: x = 5\n"
            + "Wrong: Answer: x = 4\n");
    assertThat(texts(repaired)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.REGENERATED, StepOrigin.SOLVED);
    assertThat(verifies(ctx, repaired)).isTrue();
  }

  @Test
  void aRetryStopsAsSoonAsTheListVerifies() {
    List<String> replies = new ArrayList<>(List.of(
        "Divide both sides by 3: x = 7\nAnswer: x = 7", "Divide both sides by 3: x = 5\nAnswer: x = 5"));
    Context ctx = new Context("Solve 3x + 5 = 20", p -> replies.remove(0),
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 6");
    List<Draft> repaired = new ContinuationRepair(5).repair(ctx);
    assertThat(ctx.prompts).hasSize(2);
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.REGENERATED, StepOrigin.REGENERATED);
  }

  @Test
  void zeroAttemptsMeansTheSolverAlone() {
    Context ctx = new Context("Solve 3x + 5 = 20", NO_CALL,
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 5");
    List<Draft> repaired = new ContinuationRepair(0).repair(ctx);
    assertThat(ctx.prompts).isEmpty();
    assertThat(texts(repaired)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.SOLVED, StepOrigin.SOLVED);
    assertThat(verifies(ctx, repaired)).isTrue();
  }

  @Test
  void emptyOrAnswerlessOutputIsCompletedByTheSolverWithoutModelCalls() {
    Context empty = new Context("Solve 3x + 5 = 20", NO_CALL);
    List<Draft> all = new ContinuationRepair(1).repair(empty);
    assertThat(texts(all)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(all).extracting(Draft::origin).containsOnly(StepOrigin.SOLVED);

    Context answerless = new Context("Solve 3x + 5 = 20", NO_CALL, "Subtract 5 from both sides: 3x = 15");
    List<Draft> tail = new ContinuationRepair(1).repair(answerless);
    assertThat(texts(tail)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(tail).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.SOLVED, StepOrigin.SOLVED);
    assertThat(empty.prompts).isEmpty();
    assertThat(answerless.prompts).isEmpty();
  }

  @Test
  void backendFailuresPropagate() {
    Context ctx = new Context("Solve 3x + 5 = 20", p -> {
      throw new IllegalStateException("backend down");
    }, "Subtract 5 from both sides: 3x = 16", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThatThrownBy(() -> new ContinuationRepair(1).repair(ctx)).hasMessage("backend down");
  }

  @Test
  void problemsThatAreNotLinearAreLeftAlone() {
    Context ctx = new Context("Solve x^2 = 9", NO_CALL, "Answer: x = 3");
    assertThat(new ContinuationRepair(1).repair(ctx)).isEqualTo(ctx.steps());
  }

  @Test
  void negativeAttemptsAreRejected() {
    assertThatThrownBy(() -> new ContinuationRepair(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
