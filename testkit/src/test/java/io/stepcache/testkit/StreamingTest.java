package io.stepcache.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.Conversation;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepSink;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.StepOrigin;
import io.stepcache.testkit.countdown.CountdownPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Streamed answers: each step is handed over once verified, a failing step cancels the generation. */
class StreamingTest {

  private static final String RIGHT = "5\n4\n3\n2\n1\n0";
  private static final String WRONG_THIRD = "5\n4\n9\n2\n1\n0";

  /** What a sink saw, with the virtual time of each step. */
  private static final class Recording implements StepSink {
    final List<ServedStep> steps = new ArrayList<>();
    final List<String> contents = new ArrayList<>();
    final List<Long> at = new ArrayList<>();
    final List<String> started = new ArrayList<>();
    private final PackTestKit kit;

    Recording(PackTestKit kit) {
      this.kit = kit;
    }

    @Override
    public void started(RequestPath path, String task, Double similarity, String entryId) {
      started.add(path + " " + task + " " + entryId);
    }

    @Override
    public void step(ServedStep step, String content) {
      steps.add(step);
      contents.add(content);
      at.add(kit.clock().nanoTime());
    }

    List<String> texts() {
      return steps.stream().map(ServedStep::text).toList();
    }

    String content() {
      return String.join("", contents);
    }
  }

  private static PackTestKit wrongFirstThenRight() {
    // the first generation gets step 3 wrong; the repair's (its prompt lists the verified steps) is right
    return PackTestKit.forPack(new CountdownPack())
        .oracle(p -> Optional.of(p.contains("So far") ? RIGHT : WRONG_THIRD)).build();
  }

  @Test
  void aMissSendsEachStepWhileTheModelIsStillWriting() {
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).build()) {
      Recording sink = new Recording(kit);
      long t0 = kit.clock().nanoTime();
      CompletionResult r = kit.engine().stream(CompletionRequest.of("Count down from 5", null), sink);
      long done = kit.clock().nanoTime();
      assertThat(sink.started).containsExactly("MISS countdown null");
      assertThat(sink.texts()).containsExactly("5", "4", "3", "2", "1", "0");
      assertThat(sink.steps).allMatch(ServedStep::verified);
      assertThat(sink.content()).isEqualTo(r.output());
      assertThat(sink.at.get(0) - t0).as("the first step arrives long before the answer is done")
          .isLessThan((done - t0) * 3 / 4);
      assertThat(r.verified()).isTrue();
      assertThat(kit.store().size()).isEqualTo(1);
    }
  }

  @Test
  void aFailingStepIsNeverSentCancelsTheGenerationAndTheRepairFollows() {
    long fullTokens;
    try (PackTestKit kit = wrongFirstThenRight()) {
      kit.complete(CompletionRequest.of("Count down from 5", null));
      fullTokens = kit.backend().completionTokens();
    }
    try (PackTestKit kit = wrongFirstThenRight()) {
      Recording sink = new Recording(kit);
      CompletionResult r = kit.engine().stream(CompletionRequest.of("Count down from 5", null), sink);
      assertThat(sink.texts()).containsExactly("5", "4", "3", "2", "1", "0").doesNotContain("9");
      assertThat(sink.steps).extracting(ServedStep::origin).containsExactly(StepOrigin.GENERATED,
          StepOrigin.GENERATED, StepOrigin.REGENERATED, StepOrigin.REGENERATED, StepOrigin.REGENERATED,
          StepOrigin.REGENERATED);
      assertThat(r.verified()).isTrue();
      assertThat(r.output()).isEqualTo(RIGHT);
      assertThat(sink.content()).isEqualTo(r.output());
      assertThat(kit.backend().completionTokens())
          .as("the wrong generation stopped at its failing step: fewer tokens paid than without streaming")
          .isLessThan(fullTokens);
    }
  }

  @Test
  void aReuseIsSentAtOnceAndAPatchSendsItsVerifiedStepsBeforeTheRepair() {
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).build()) {
      String stored = kit.complete("Count down from 3").storedEntryId();
      Recording reuse = new Recording(kit);
      CompletionResult r = kit.engine().stream(CompletionRequest.of("Please count down from 3", null), reuse);
      assertThat(reuse.started).containsExactly("REUSE countdown " + stored);
      assertThat(reuse.texts()).containsExactly("3", "2", "1", "0");
      assertThat(reuse.at).containsOnly(reuse.at.get(0));
      assertThat(reuse.content()).isEqualTo(r.output());

      Recording patch = new Recording(kit);
      CompletionResult p = kit.engine().stream(CompletionRequest.of("Count down from 4", null), patch);
      assertThat(p.path()).isEqualTo(RequestPath.PATCH);
      assertThat(patch.texts()).isEqualTo(p.steps().stream().map(ServedStep::text).toList());
      assertThat(patch.content()).isEqualTo(p.output());
    }
  }

  @Test
  void aTokenLimitStopsWhatIsSentLikeItCutsTheResult() {
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).build()) {
      Recording sink = new Recording(kit);
      CompletionResult r = kit.engine().stream(new CompletionRequest("Count down from 5", null, null,
          RequestOptions.none(), null, null, 3, Conversation.NONE, CacheDirectives.DEFAULT), sink);
      assertThat(r.truncated()).isTrue();
      assertThat(sink.texts()).containsExactly("5", "4", "3");
      assertThat(r.steps()).extracting(ServedStep::text).containsExactly("5", "4", "3");
      assertThat(sink.content()).isEqualTo(r.output());
      assertThat(kit.store().size()).as("the whole answer is cached").isEqualTo(1);
    }
  }
}
