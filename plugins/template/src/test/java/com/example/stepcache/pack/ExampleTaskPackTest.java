package com.example.stepcache.pack;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.spi.TaskRequest;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pack on the real engine and the real rules, with a simulated model: no server needed. */
class ExampleTaskPackTest {

  @Test
  void aRequestIsGeneratedThenReused() {
    try (PackTestKit kit = PackTestKit.forPack(new ExampleTaskPack()).build()) {
      CompletionResult first = kit.complete("Add 2 and 3");
      assertThat(first.path()).isEqualTo(RequestPath.MISS);
      assertThat(first.verified()).isTrue();
      assertThat(first.output()).isEqualTo("2 + 3 = 5\nAnswer: 5");

      CompletionResult again = kit.complete("Add 2 and 3");
      assertThat(again.path()).isEqualTo(RequestPath.REUSE);
      assertThat(again.usage().totalTokens()).isZero();
    }
  }

  @Test
  void otherNumbersReuseTheStepsAndOnlyWhatNoLongerFitsIsRepaired() {
    try (PackTestKit kit = PackTestKit.forPack(new ExampleTaskPack()).build()) {
      kit.complete("Add 2 and 3");
      // cached "{{a}} + {{b}} = 5" becomes "4 + 7 = 5": the rules fail it, the repair recomputes it
      CompletionResult other = kit.complete("Add 4 and 7");
      assertThat(other.path()).isEqualTo(RequestPath.PATCH);
      assertThat(other.verified()).isTrue();
      assertThat(other.output()).isEqualTo("4 + 7 = 11\nAnswer: 11");
    }
  }

  @Test
  void theRulesCatchAWrongStep() {
    try (PackTestKit kit = PackTestKit.forPack(new ExampleTaskPack()).build()) {
      TaskRequest request = TaskRequest.of("Add 2 and 3");
      assertThat(kit.verify(request, List.of("2 + 3 = 5", "Answer: 5")).passed()).isTrue();
      assertThat(kit.verify(request, List.of("2 + 3 = 6", "Answer: 6")).failingSteps()).containsExactly(0, 1);
    }
  }

  @Test
  void theAnalyserAbstractsTheNumbers() {
    try (PackTestKit kit = PackTestKit.forPack(new ExampleTaskPack()).build()) {
      assertThat(kit.analyse("Add 2 and 3").structureKey()).isEqualTo(kit.analyse("add 40 and -7").structureKey());
      assertThat(kit.analyse("Add 2 and 3").bindings()).containsEntry("a", "2").containsEntry("b", "3");
    }
  }
}
