package io.stepcache.packs.math.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.packs.math.MathTaskPack;
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

/** The repair loop with a scripted model and the real rules. */
class BoundedStepRepairTest {

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

  @Test
  void acceptsTheModelsFirstUsableLineAndKeepsPassingSteps() {
    Context ctx = new Context("Solve 3x + 5 = 20",
        p -> "Sure!\n**Step 2:** Divide both sides by 3: x = 5\nAnswer: x = 5",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 5");
    List<Draft> repaired = new BoundedStepRepair(2).repair(ctx);
    assertThat(texts(repaired)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.REGENERATED, StepOrigin.REUSED);
    assertThat(ctx.prompts).hasSize(1);
    assertThat(ctx.prompts.get(0))
        .contains("1. Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "MATH_WRONG_ARITHMETIC")
        .contains("Write only step 2");
  }

  @Test
  void givesEachFailingStepAtMostMaxAttemptsCallsThenSolves() {
    Context ctx = new Context("Solve 3x + 5 = 20", p -> "Divide both sides by 3: x = 7",
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 6", "Answer: x = 6");
    List<Draft> repaired = new BoundedStepRepair(3).repair(ctx);
    assertThat(ctx.prompts).hasSize(3);
    assertThat(ctx.prompts.get(2)).contains("This version of step 2 was rejected:\nDivide both sides by 3: x = 7");
    assertThat(repaired).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.SOLVED, StepOrigin.SOLVED);
    assertThat(texts(repaired).get(2)).isEqualTo("Answer: x = 5");
    assertThat(kit.verify(ctx.request(), texts(repaired)).passed()).isTrue();
  }

  @Test
  void zeroAttemptsMeansTheSolverAlone() {
    Context ctx = new Context("Solve 3x + 5 = 20", p -> {
      throw new AssertionError("no model call expected");
    }, "Subtract 5 from both sides: 3x = 16", "Divide both sides by 3: x = 5", "Answer: x = 5");
    List<Draft> repaired = new BoundedStepRepair(0).repair(ctx);
    assertThat(repaired).extracting(Draft::origin).containsOnly(StepOrigin.SOLVED);
  }

  @Test
  void emptyOrAnswerlessOutputIsCompletedByTheSolverWithoutModelCalls() {
    ModelCall none = p -> {
      throw new AssertionError("no model call expected");
    };
    List<Draft> all = new BoundedStepRepair(2).repair(new Context("Solve 3x + 5 = 20", none));
    assertThat(texts(all)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(all).extracting(Draft::origin).containsOnly(StepOrigin.SOLVED);

    List<Draft> tail = new BoundedStepRepair(2).repair(
        new Context("Solve 3x + 5 = 20", none, "Subtract 5 from both sides: 3x = 15"));
    assertThat(texts(tail)).containsExactly(
        "Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThat(tail).extracting(Draft::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.SOLVED, StepOrigin.SOLVED);
  }

  @Test
  void backendFailuresPropagate() {
    Context ctx = new Context("Solve 3x + 5 = 20", p -> {
      throw new IllegalStateException("backend down");
    }, "Subtract 5 from both sides: 3x = 16", "Divide both sides by 3: x = 5", "Answer: x = 5");
    assertThatThrownBy(() -> new BoundedStepRepair(2).repair(ctx)).hasMessage("backend down");
  }

  @Test
  void problemsThatAreNotLinearAreLeftAlone() {
    Context ctx = new Context("Solve x^2 = 9", p -> {
      throw new AssertionError("no model call expected");
    }, "Answer: x = 3");
    assertThat(new BoundedStepRepair(2).repair(ctx)).isEqualTo(ctx.steps());
  }
}
