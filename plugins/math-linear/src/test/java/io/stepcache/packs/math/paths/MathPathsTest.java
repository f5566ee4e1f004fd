package io.stepcache.packs.math.paths;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.store.StepStore;
import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.spi.StepOrigin;
import io.stepcache.testkit.PackTestKit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** End to end through the real engine, the real rules and the simulated model. */
class MathPathsTest {

  private PackTestKit kit;

  @AfterEach
  void close() {
    if (kit != null) {
      kit.close();
    }
  }

  private static PackTestKit.Builder kit() {
    return PackTestKit.forPack(new MathTaskPack()).seed(42);
  }

  private static void assertAllFrom(CompletionResult r, StepOrigin origin) {
    assertThat(r.steps()).extracting(ServedStep::origin).containsOnly(origin);
  }

  @Test
  void missThenReuseForNewConstantsRenamedUnknownAndOtherWording() {
    kit = kit().build();
    CompletionResult first = kit.complete("Solve 3x + 4 = 19");
    assertThat(first.path()).isEqualTo(RequestPath.MISS);
    assertThat(first.verified()).isTrue();
    assertThat(first.answerJson()).isEqualTo("{\"x\":5}");
    assertAllFrom(first, StepOrigin.GENERATED);
    assertThat(kit.modelCalls()).isEqualTo(1);

    CompletionResult constants = kit.complete("Solve 2x - 7 = 4");
    assertThat(constants.path()).isEqualTo(RequestPath.REUSE);
    assertThat(constants.verified()).isTrue();
    assertThat(constants.answerJson()).isEqualTo("{\"x\":5.5}");
    assertThat(constants.output()).isEqualTo(
        "Add 7 to both sides: 2x = 11\nDivide both sides by 2: x = 5.5\nAnswer: x = 5.5");
    assertAllFrom(constants, StepOrigin.REUSED);
    assertThat(constants.usage().totalTokens()).isZero();

    CompletionResult renamed = kit.complete("What value of t satisfies 4t - 2.5 = 9.5?");
    assertThat(renamed.path()).isEqualTo(RequestPath.REUSE);
    assertThat(renamed.answerJson()).isEqualTo("{\"t\":3}");
    assertAllFrom(renamed, StepOrigin.REUSED);

    CompletionResult wording = kit.complete("Calculate z given 0.5z + 1 = 4");
    assertThat(wording.path()).isEqualTo(RequestPath.REUSE);
    assertThat(wording.answerJson()).isEqualTo("{\"z\":6}");

    assertThat(kit.modelCalls()).isEqualTo(1);
  }

  @Test
  void reuseForTheUnknownOnBothSides() {
    kit = kit().build();
    assertThat(kit.complete("Solve 7x + 4 = 2x + 19").path()).isEqualTo(RequestPath.MISS);
    CompletionResult r = kit.complete("If 4k - 1 = 2k + 8, what is k?");
    assertThat(r.path()).isEqualTo(RequestPath.REUSE);
    assertThat(r.answerJson()).isEqualTo("{\"k\":4.5}");
    assertThat(kit.modelCalls()).isEqualTo(1);
  }

  @Test
  void patchContinuesFromTheFirstFailingStepWithOneCompactCall() {
    kit = kit().build();
    kit.complete("Solve 19x - 18 = -18");
    long fullPromptTokens = kit.backend().promptTokens();
    CompletionResult r = kit.complete("Solve 2x + 7 = 19");
    assertThat(r.path()).isEqualTo(RequestPath.PATCH);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"x\":6}");
    // The cached division's "x = 0" stays literal (the solution 0 could be many things) and fails;
    // the model continues from the verified first step in one call.
    assertThat(r.steps()).extracting(ServedStep::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.REGENERATED, StepOrigin.REGENERATED);
    assertThat(r.output()).isEqualTo(
        "Subtract 7 from both sides: 2x = 12\nDivide both sides by 2: x = 6\nAnswer: x = 6");
    assertThat(kit.modelCalls()).isEqualTo(1 + 1);
    assertThat(kit.backend().promptTokens() - fullPromptTokens).isLessThan(fullPromptTokens / 2);
  }

  @Test
  void newConstantsThatFlipAnIntermediateCoefficientAreReused() {
    kit = kit().build();
    assertThat(kit.complete("Determine y such that 3y - 40 = 8y.").path()).isEqualTo(RequestPath.MISS);
    CompletionResult flipped = kit.complete("Determine y such that 3y + 8 = 4y.");
    assertThat(flipped.path()).isEqualTo(RequestPath.REUSE);
    assertThat(flipped.output()).isEqualTo("Subtract 4y from both sides: -y + 8 = 0\n"
        + "Subtract 8 from both sides: -y = -8\nDivide both sides by -1: y = 8\nAnswer: y = 8");
    assertThat(kit.complete("Determine y such that 7y - 12 = 3y.").path()).isEqualTo(RequestPath.REUSE);
    // Another structure: generated in full (a SKIP when the neighbour search offers the entry above).
    assertThat(kit.complete("Given 7(y - 15) = -147, find y.").path()).isIn(RequestPath.MISS, RequestPath.SKIP);
    CompletionResult skeleton = kit.complete("Given 7(y - 26) = -245, find y.");
    assertThat(skeleton.path()).isEqualTo(RequestPath.REUSE);
    assertThat(skeleton.answerJson()).isEqualTo("{\"y\":-9}");
    assertThat(kit.modelCalls()).isEqualTo(2);
  }

  @Test
  void aDifferentShapeNextToACachedOneIsSkipped() {
    kit = kit().build();
    kit.complete("Solve 3x + 4 = 19");
    CompletionResult r = kit.complete("Find y if 7 = 2y - 3");
    assertThat(r.path()).isEqualTo(RequestPath.SKIP);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"y\":5}");
    assertAllFrom(r, StepOrigin.GENERATED);
  }

  @Test
  void quadraticAfterALinearNeighbourIsSkippedAndNeverVerified() {
    // Default settings: the neighbour search finds the linear entry by wording, the guard refuses it.
    kit = kit().build();
    kit.complete("Solve 3x + 5 = 20");
    CompletionResult r = kit.complete("Solve 3x^2 + 5 = 20");
    assertThat(r.path()).isEqualTo(RequestPath.SKIP);
    assertThat(r.verified()).isFalse();
    assertThat(r.findings()).anySatisfy(f -> assertThat(f).contains("MATH_NOT_VERIFIABLE"));
    assertThat(kit.modelCalls()).isEqualTo(2);
  }

  @Test
  void repairIsOneContinuationByDefaultThenTheSolverWritesTheRest() {
    kit = PackTestKit.forPack(new MathTaskPack()).seed(42)
        .errors(ErrorInjection.none().withWrongArithmetic(1.0)).build();
    CompletionResult r = kit.complete("Solve 3x + 5 = 20");
    assertThat(r.path()).isEqualTo(RequestPath.MISS);
    assertThat(kit.modelCalls()).isEqualTo(1 + 1);
    assertAllFrom(r, StepOrigin.SOLVED);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"x\":5}");
  }

  @Test
  void theBoundFollowsTheSetting() {
    kit = kit().packSettings(Map.of("repair.maxAttempts", "3"))
        .errors(ErrorInjection.none().withWrongArithmetic(1.0)).build();
    CompletionResult r = kit.complete("If 2x + 3 = x - 4, what is x?");
    assertThat(kit.modelCalls()).isEqualTo(1 + 3);
    assertThat(r.answerJson()).isEqualTo("{\"x\":-7}");
    assertThat(r.verified()).isTrue();
  }

  @Test
  void zeroAttemptsLeavesTheRepairToTheSolver() {
    kit = kit().packSettings(Map.of("repair.maxAttempts", "0"))
        .errors(ErrorInjection.none().withWrongArithmetic(1.0)).build();
    CompletionResult r = kit.complete("Solve 3x + 5 = 20");
    assertThat(kit.modelCalls()).isEqualTo(1);
    assertAllFrom(r, StepOrigin.SOLVED);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"x\":5}");
  }

  @Test
  void patchWithAHopelessModelCallsItOnceThenSolves() {
    StepStore store = new InMemoryStepStore();
    try (PackTestKit perfect = kit().store(store).build()) {
      perfect.complete("Solve 19x - 18 = -18");
    }
    kit = kit().store(store).errors(ErrorInjection.none().withWrongArithmetic(1.0)).build();
    CompletionResult r = kit.complete("Solve 2x + 7 = 19");
    assertThat(r.path()).isEqualTo(RequestPath.PATCH);
    assertThat(kit.modelCalls()).isEqualTo(1);
    assertThat(r.steps()).extracting(ServedStep::origin)
        .containsExactly(StepOrigin.REUSED, StepOrigin.SOLVED, StepOrigin.SOLVED);
    assertThat(r.answerJson()).isEqualTo("{\"x\":6}");
    assertThat(r.verified()).isTrue();
  }

  @Test
  void aWrongGenerationIsContinuedByTheModel() {
    kit = kit().errors(ErrorInjection.none().withWrongArithmetic(1.0).forFirstCalls(1)).build();
    CompletionResult r = kit.complete("Solve 3x + 5 = 20");
    assertThat(r.path()).isEqualTo(RequestPath.MISS);
    assertAllFrom(r, StepOrigin.REGENERATED);
    assertThat(r.output()).isEqualTo(
        "Subtract 5 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: x = 5");
    assertThat(kit.modelCalls()).isEqualTo(1 + 1);
    assertThat(r.verified()).isTrue();
  }

  @Test
  void wrongFirstRightOnRetryWhenTheSettingAllowsTwoCalls() {
    kit = kit().packSettings(Map.of("repair.maxAttempts", "2"))
        .errors(ErrorInjection.none().withWrongArithmetic(1.0).forFirstCalls(2)).build();
    CompletionResult r = kit.complete("Solve 3x + 5 = 20");
    assertThat(r.path()).isEqualTo(RequestPath.MISS);
    assertAllFrom(r, StepOrigin.REGENERATED);
    assertThat(r.output()).isEqualTo(
        "Subtract 5 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: x = 5");
    assertThat(kit.modelCalls()).isEqualTo(1 + 2);
    assertThat(r.verified()).isTrue();
  }

  @Test
  void truncatedOutputStillEndsWithTheRightAnswer() {
    kit = kit().errors(ErrorInjection.none().withTruncated(1.0)).build();
    CompletionResult r = kit.complete("Find y if 7 = 2y - 3");
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"y\":5}");
  }
}
