package io.stepcache.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.checkpoint.CheckpointPolicy;
import io.stepcache.checkpoint.CheckpointSettings;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.spi.StepOrigin;
import io.stepcache.testkit.countdown.CountdownPack;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's four paths and its guarantees, with a toy pack, real Drools and the simulator. */
class EnginePathsTest {

  private static PackTestKit kit() {
    return PackTestKit.forPack(new CountdownPack()).build();
  }

  @Test
  void missThenReuseWithoutAnyModelCall() {
    try (PackTestKit kit = kit()) {
      CompletionResult first = kit.complete("Count down from 3");
      assertThat(first.path()).isEqualTo(RequestPath.MISS);
      assertThat(first.verified()).isTrue();
      assertThat(first.output()).isEqualTo("3\n2\n1\n0");
      assertThat(first.steps()).extracting(ServedStep::origin).containsOnly(StepOrigin.GENERATED);
      assertThat(first.usage().totalTokens()).isPositive();
      assertThat(first.latencyMs()).isGreaterThan(150.0);
      long calls = kit.modelCalls();

      CompletionResult again = kit.complete("Please count down from 3 for me");
      assertThat(again.path()).isEqualTo(RequestPath.REUSE);
      assertThat(again.similarity()).isEqualTo(1.0);
      assertThat(again.output()).isEqualTo("3\n2\n1\n0");
      assertThat(again.steps()).extracting(ServedStep::origin).containsOnly(StepOrigin.REUSED);
      assertThat(again.usage().totalTokens()).isZero();
      assertThat(kit.modelCalls()).isEqualTo(calls);
    }
  }

  @Test
  void patchRegeneratesWhenReboundStepsFail() {
    try (PackTestKit kit = kit()) {
      kit.complete("Count down from 3");
      CompletionResult r = kit.complete("Count down from 4");
      assertThat(r.path()).isEqualTo(RequestPath.PATCH);
      assertThat(r.verified()).isTrue();
      assertThat(r.output()).isEqualTo("4\n3\n2\n1\n0");
      assertThat(r.steps()).extracting(ServedStep::origin).containsOnly(StepOrigin.REGENERATED);
      assertThat(r.answerJson()).isEqualTo("{\"last\":0}");
    }
  }

  @Test
  void everyVariantOfAStructureKeyStaysReusable() {
    try (PackTestKit kit = kit()) {
      kit.complete("Count down from 3");
      assertThat(kit.complete("Count down from 4").path()).isEqualTo(RequestPath.PATCH);
      long calls = kit.modelCalls();
      // the answer for 4 did not replace the one for 3: both are variants of the same structure key
      CompletionResult three = kit.complete("Please count down from 3");
      CompletionResult four = kit.complete("Please count down from 4");
      assertThat(three.path()).isEqualTo(RequestPath.REUSE);
      assertThat(three.output()).isEqualTo("3\n2\n1\n0");
      assertThat(four.path()).isEqualTo(RequestPath.REUSE);
      assertThat(four.output()).isEqualTo("4\n3\n2\n1\n0");
      assertThat(kit.modelCalls()).isEqualTo(calls);
    }
  }

  @Test
  void theOldestVariantIsEvictedBeyondTheLimit() {
    EngineConfig twoVariants = new EngineConfig(0.5, 32_768, 64, 512, 4096, 4, 2);
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(twoVariants).build()) {
      kit.complete("Count down from 3");
      kit.complete("Count down from 4");
      kit.complete("Count down from 5");
      assertThat(kit.complete("Count down from 5").path()).isEqualTo(RequestPath.REUSE);
      assertThat(kit.complete("Count down from 4").path()).isEqualTo(RequestPath.REUSE);
      CompletionResult evicted = kit.complete("Count down from 3");
      assertThat(evicted.path()).isEqualTo(RequestPath.PATCH);
      assertThat(evicted.output()).isEqualTo("3\n2\n1\n0");
    }
  }

  @Test
  void aPatchResumesFromTheDeepestCheckpointOfItsSharedPrefix() {
    EngineConfig evenly = EngineConfig.defaults()
        .withCheckpoints(CheckpointSettings.defaults().with(CheckpointPolicy.EVENLY_SPACED, 2));
    EngineConfig none = EngineConfig.defaults()
        .withCheckpoints(CheckpointSettings.defaults().with(CheckpointPolicy.NONE, 0));
    CompletionResult resumed;
    CompletionResult full;
    long skipped;
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(evenly).build()) {
      kit.complete("Count up to 3");
      resumed = kit.complete("Count up to 5");
      skipped = kit.backend().resumedPromptTokens();
    }
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(none).build()) {
      kit.complete("Count up to 3");
      full = kit.complete("Count up to 5");
      assertThat(kit.backend().resumedPromptTokens()).isZero();
    }
    assertThat(resumed.path()).isEqualTo(RequestPath.PATCH);
    assertThat(resumed.output()).isEqualTo("0\n1\n2\n3\n4\n5");
    // 0..2 verified and identical to the cached answer (its "3" is {{n}}, rebound to "5", which fails);
    // evenly spaced over the 4 one-token steps keeps state
    // after steps 1 and 2, so the repair prompt's "0" and "1" are not prefilled again
    assertThat(resumed.checkpoint().sharedSteps()).isEqualTo(3);
    assertThat(resumed.checkpoint().resumedSteps()).isEqualTo(2);
    assertThat(resumed.checkpoint().resumedTokens()).isPositive().isEqualTo((int) skipped);
    assertThat(resumed.checkpoint().reprefillTokens())
        .isEqualTo(resumed.checkpoint().depthTokens() - resumed.checkpoint().resumedTokens());
    assertThat(full.checkpoint().resumedSteps()).isZero();
    assertThat(resumed.usage()).isEqualTo(full.usage());
    assertThat(resumed.latencyMs()).isLessThan(full.latencyMs());
  }

  @Test
  void semanticChangeSkipsReuse() {
    try (PackTestKit kit = kit()) {
      kit.complete("Count down from 3");
      CompletionResult r = kit.complete("Count up to 3");
      assertThat(r.path()).isEqualTo(RequestPath.SKIP);
      assertThat(r.similarity()).isNotNull().isLessThan(1.0);
      assertThat(r.output()).isEqualTo("0\n1\n2\n3");
      assertThat(r.verified()).isTrue();
    }
  }

  @Test
  void tenantsNeverSeeEachOthersEntries() {
    try (PackTestKit kit = kit()) {
      kit.complete(CompletionRequest.of("Count down from 3", "countdown").withTenant("acme"));
      CompletionResult other =
          kit.complete(CompletionRequest.of("Count down from 3", "countdown").withTenant("globex"));
      assertThat(other.path()).isEqualTo(RequestPath.MISS);
      CompletionResult same =
          kit.complete(CompletionRequest.of("Count down from 3", "countdown").withTenant("acme"));
      assertThat(same.path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void onlyVerifiedOutputIsStored() {
    ErrorInjection alwaysWrong = ErrorInjection.none().withWrongArithmetic(1.0);
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).errors(alwaysWrong).build()) {
      CompletionResult r = kit.complete("Count down from 3");
      assertThat(r.verified()).isFalse();
      assertThat(r.findings()).anyMatch(f -> f.contains("COUNT_WRONG"));
      assertThat(kit.store().size()).isZero();
      assertThat(kit.complete("Count down from 3").path()).isEqualTo(RequestPath.MISS);
    }
  }

  @Test
  void repairFixesAWrongFirstGeneration() {
    ErrorInjection firstCallWrong = ErrorInjection.none().withWrongArithmetic(1.0).forFirstCalls(1);
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).errors(firstCallWrong).build()) {
      CompletionResult r = kit.complete("Count down from 3");
      assertThat(r.path()).isEqualTo(RequestPath.MISS);
      assertThat(r.verified()).isTrue();
      assertThat(r.steps()).extracting(ServedStep::origin).containsOnly(StepOrigin.REGENERATED);
      assertThat(kit.modelCalls()).isEqualTo(2);
      assertThat(kit.store().size()).isEqualTo(1);
    }
  }

  @Test
  void truncatedGenerationsAreNeverCached() {
    // the model's own output limit cuts the generation (a request's maxTokens only cuts what is served)
    EngineConfig tinyOutput = new EngineConfig(0.5, 32_768, 64, 5, 4096);
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(tinyOutput).build()) {
      CompletionResult r = kit.complete(CompletionRequest.of("Count down from 30", "countdown"));
      assertThat(r.verified()).isFalse();
      assertThat(kit.store().size()).isZero();
    }
  }

  @Test
  void sameSeedSameAnswersAndUsage() {
    ErrorInjection some = ErrorInjection.none().withWrongArithmetic(0.3);
    try (PackTestKit a = PackTestKit.forPack(new CountdownPack()).errors(some).seed(7).build();
        PackTestKit b = PackTestKit.forPack(new CountdownPack()).errors(some).seed(7).build()) {
      for (String p : List.of("Count down from 5", "Count down from 8", "Count up to 6")) {
        CompletionResult x = a.complete(p);
        CompletionResult y = b.complete(p);
        assertThat(y.output()).isEqualTo(x.output());
        assertThat(y.usage()).isEqualTo(x.usage());
        assertThat(y.path()).isEqualTo(x.path());
      }
    }
  }

  @Test
  void detectsThePackWhenNoTaskIsNamed() {
    try (PackTestKit kit = kit()) {
      CompletionResult r = kit.complete(CompletionRequest.of("count down from 2", null));
      assertThat(r.task()).isEqualTo("countdown");
    }
  }

  @Test
  void rejectsBadInputWithCodes() {
    EngineConfig small = new EngineConfig(0.5, 40, 64, 512, 4096);
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).engineConfig(small).build()) {
      assertCode(() -> kit.complete(CompletionRequest.of("   ", "countdown")), ErrorCode.PROMPT_EMPTY);
      assertCode(() -> kit.complete(CompletionRequest.of("Count down from 3", "nope")), ErrorCode.UNKNOWN_TASK);
      assertCode(() -> kit.complete(CompletionRequest.of("What is love?", null)), ErrorCode.TASK_NOT_DETECTED);
      assertCode(() -> kit.complete(CompletionRequest.of("Count down from 3" + " ".repeat(40), "countdown")),
          ErrorCode.INPUT_TOO_LARGE);
      assertCode(
          () -> kit.complete(CompletionRequest.of("Count down from 3", "countdown").withTenant("bad tenant!")),
          ErrorCode.INVALID_REQUEST);
      assertCode(() -> kit.complete(CompletionRequest.of("Hello", "countdown")), ErrorCode.TASK_INPUT_INVALID);
      assertCode(
          () -> kit.complete(new CompletionRequest("Count down from 3", "countdown", null, null, List.of(), null, null, 0)),
          ErrorCode.INVALID_REQUEST);
    }
  }

  private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(StepCacheException.class)
        .satisfies(e -> assertThat(((StepCacheException) e).code()).isEqualTo(code));
  }
}
