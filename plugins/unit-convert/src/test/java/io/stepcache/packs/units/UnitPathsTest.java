package io.stepcache.packs.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskInputException;
import io.stepcache.testkit.PackTestKit;
import org.junit.jupiter.api.Test;

/** The four paths on the real engine and rules, with the simulated model: no server needed. */
class UnitPathsTest {

  @Test
  void missThenReuseForTheSameRequestWithoutAModelCall() {
    try (PackTestKit kit = PackTestKit.forPack(new UnitConvertTaskPack()).build()) {
      CompletionResult miss = kit.complete("Convert 5 km to miles");
      assertThat(miss.path()).isEqualTo(RequestPath.MISS);
      assertThat(miss.verified()).isTrue();
      assertThat(miss.output()).isEqualTo("1 km = 0.621371 mi\n5 km × 0.621371 = 3.10686 mi\nAnswer: 3.10686 mi");
      assertThat(miss.answerJson()).isEqualTo("{\"value\":3.10686,\"unit\":\"mi\"}");

      long calls = kit.modelCalls();
      CompletionResult reuse = kit.complete("Convert 5 km to miles");
      assertThat(reuse.path()).isEqualTo(RequestPath.REUSE);
      assertThat(kit.modelCalls()).isEqualTo(calls);
    }
  }

  @Test
  void otherQuantitiesAndOtherUnitsOfTheSameDimensionAreRebound() {
    try (PackTestKit kit = PackTestKit.forPack(new UnitConvertTaskPack()).build()) {
      kit.complete("Convert 5 km to miles");
      long calls = kit.modelCalls();

      CompletionResult value = kit.complete("Convert 42.195 km to miles");
      assertThat(value.path()).isEqualTo(RequestPath.REUSE);
      assertThat(value.answerJson()).isEqualTo("{\"value\":26.2188,\"unit\":\"mi\"}");

      CompletionResult units = kit.complete("Convert 12 ft to m");
      assertThat(units.path()).isEqualTo(RequestPath.REUSE);
      assertThat(units.output()).isEqualTo("1 ft = 0.3048 m\n12 ft × 0.3048 = 3.6576 m\nAnswer: 3.6576 m");
      assertThat(kit.modelCalls()).as("no model call for rebound answers").isEqualTo(calls);
    }
  }

  @Test
  void anotherDimensionIsSkipped() {
    try (PackTestKit kit = PackTestKit.forPack(new UnitConvertTaskPack()).build()) {
      kit.complete("Convert 5 km to miles");
      CompletionResult skip = kit.complete("Convert 5 kg to pounds");
      assertThat(skip.path()).isEqualTo(RequestPath.SKIP);
      assertThat(skip.verified()).isTrue();
      assertThat(skip.answerJson()).isEqualTo("{\"value\":11.0231,\"unit\":\"lb\"}");
    }
  }

  @Test
  void aWrongModelAnswerIsRepairedAndOnlyTheWrongStepsChange() {
    ErrorInjection wrongArithmetic = new ErrorInjection(1.0, 0, 0, 0, 0, 1);
    try (PackTestKit kit = PackTestKit.forPack(new UnitConvertTaskPack()).errors(wrongArithmetic).build()) {
      CompletionResult r = kit.complete("Convert 3 gallons to litres");
      assertThat(r.path()).isEqualTo(RequestPath.MISS);
      assertThat(r.verified()).isTrue();
      assertThat(r.answerJson()).isEqualTo("{\"value\":11.3562,\"unit\":\"l\"}");
      assertThat(r.steps()).extracting(ServedStep::origin).doesNotContain(StepOrigin.GENERATED);
    }
  }

  @Test
  void howManyQuestionsAreTheSameConversion() {
    try (PackTestKit kit = PackTestKit.forPack(new UnitConvertTaskPack()).build()) {
      assertThat(kit.complete("How many feet are in 3 m?").answerJson()).isEqualTo("{\"value\":9.84252,\"unit\":\"ft\"}");
      CompletionResult again = kit.complete("How many feet are in 4 m?");
      assertThat(again.path()).isEqualTo(RequestPath.REUSE);
      assertThat(again.answerJson()).isEqualTo("{\"value\":13.1234,\"unit\":\"ft\"}");
    }
  }

  @Test
  void requestsTheRulesCannotServeAreRefusedWithTheirOwnCode() {
    try (PackTestKit kit = PackTestKit.forPack(new UnitConvertTaskPack()).build()) {
      assertThatThrownBy(() -> kit.analyse("Convert 5 km to kilograms"))
          .isInstanceOf(TaskInputException.class)
          .hasMessageContaining("Cannot convert km (length) to kg (mass)")
          .satisfies(e -> assertThat(((TaskInputException) e).code()).isEqualTo("UNIT_DIMENSION_MISMATCH"));
      assertThatThrownBy(() -> kit.analyse("Convert 5 parsecs to km"))
          .satisfies(e -> assertThat(((TaskInputException) e).code()).isEqualTo("UNIT_UNKNOWN"));
      assertThatThrownBy(() -> kit.analyse("What is the capital of France?"))
          .satisfies(e -> assertThat(((TaskInputException) e).code()).isEqualTo("UNIT_NO_CONVERSION"));
    }
  }
}
