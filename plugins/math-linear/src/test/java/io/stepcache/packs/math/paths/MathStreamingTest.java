package io.stepcache.packs.math.paths;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepSink;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.spi.StepOrigin;
import io.stepcache.testkit.PackTestKit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The math pack streamed: a prefix of a right solution passes the step rules (the whole-answer checks, such as the
 * answer line coming last, wait for the end), so a right answer streams without a repair; a wrong step stops the
 * generation and the continuation follows.
 */
class MathStreamingTest {

  private static final class Steps implements StepSink {
    final List<ServedStep> steps = new ArrayList<>();
    final StringBuilder content = new StringBuilder();

    @Override
    public void step(ServedStep step, String piece) {
      steps.add(step);
      content.append(piece);
    }
  }

  @Test
  void aRightSolutionStreamsWithOneModelCall() {
    try (PackTestKit kit = PackTestKit.forPack(new MathTaskPack()).build()) {
      Steps sink = new Steps();
      CompletionResult r = kit.engine().stream(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear"), sink);
      assertThat(r.verified()).isTrue();
      assertThat(kit.modelCalls()).as("no step was wrongly refused on the way").isEqualTo(1);
      assertThat(sink.steps).extracting(ServedStep::origin).containsOnly(StepOrigin.GENERATED);
      assertThat(sink.steps).hasSize(r.steps().size());
      assertThat(sink.content.toString()).isEqualTo(r.output());
    }
  }

  @Test
  void aWrongStepIsNotSentAndTheContinuationFollows() {
    ErrorInjection wrong = new ErrorInjection(1.0, 0, 0, 0, 0, 1); // every step of the first call wrong
    try (PackTestKit kit = PackTestKit.forPack(new MathTaskPack()).errors(wrong).build()) {
      Steps sink = new Steps();
      CompletionResult r = kit.engine().stream(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear"), sink);
      assertThat(r.verified()).isTrue();
      assertThat(r.output()).endsWith("x = 5");
      assertThat(sink.steps).allMatch(ServedStep::verified);
      assertThat(sink.content.toString()).isEqualTo(r.output());
      assertThat(sink.steps).extracting(ServedStep::origin).doesNotContain(StepOrigin.GENERATED);
    }
  }
}
