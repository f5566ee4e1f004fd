package io.stepcache.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.bootstrap.BackendChoice;
import io.stepcache.bootstrap.PackSource;
import io.stepcache.bootstrap.RunningStepCache;
import io.stepcache.bootstrap.StepCacheSetup;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepSink;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.TaskRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's pack on the real engine and Drools rules, streamed by a scripted backend. */
class LinesPackTest {

  /** {@code ["L1 a","L2 b","L3 c","L4 d"]} in pieces as llama-server sends them (a comma and the next quote together). */
  private static final List<String> FOUR = List.of("[", "\"", "L1", " a", "\"", ",\"", "L2", " b", "\"", ",\"", "L3",
      " c", "\"", ",\"", "L4", " d", "\"", "]");
  private static final LinesTask TASK = new LinesTask(4, 8, -1);

  private final List<ServedStep> streamed = new ArrayList<>();

  private CompletionResult stream(ScriptedBackend backend, CompletionRequest request) {
    try (RunningStepCache sc = StepCacheSetup.builder()
        .packs(PackSource.instance(new LinesPack()))
        .backend(BackendChoice.custom(registry -> backend))
        .build()
        .start()) {
      return sc.engine().stream(request, new StepSink() {
        @Override
        public void step(ServedStep step, String content) {
          backend.stepArrived();
          streamed.add(step);
        }
      });
    }
  }

  @Test
  void everyElementIsAVerifiedStepSentOnceTheNextOneBegins() {
    ScriptedBackend backend = new ScriptedBackend(FOUR);
    CompletionResult r = stream(backend, TASK.request("Set 1: owls.", "t"));
    assertThat(r.path()).isEqualTo(RequestPath.MISS);
    assertThat(r.verified()).as(r.findings().toString()).isTrue();
    assertThat(r.output()).isEqualTo("[\"L1 a\", \"L2 b\", \"L3 c\", \"L4 d\"]");
    assertThat(r.answerJson()).isEqualTo(r.output());
    assertThat(streamed).extracting(ServedStep::text).containsExactly("\"L1 a\"", "\"L2 b\"", "\"L3 c\"", "\"L4 d\"");
    // steps 1-3 while the piece that opens the next element was handled (pieces 5, 9, 13); the last after the end
    assertThat(backend.pieceOfStep).containsExactly(5, 9, 13, FOUR.size() - 1);
    assertThat(backend.refusedAt).isEqualTo(-1);
  }

  @Test
  void theSchemaGoesToTheBackendAsAHintAndThePromptAsksForTheLines() {
    ScriptedBackend backend = new ScriptedBackend(FOUR);
    stream(backend, TASK.request("Set 1: owls.", "t"));
    assertThat(backend.requests).hasSize(1);
    assertThat(backend.requests.get(0).hints().responseSchemaJson()).isEqualTo(TASK.schemaJson());
    assertThat(backend.requests.get(0).temperature()).isEqualTo(0.0);
    assertThat(backend.requests.get(0).prompt()).startsWith("Set 1: owls.\nWrite exactly 4 short lines")
        .isEqualTo(LinesPack.prompt(TASK.taskRequest("Set 1: owls.")));
  }

  @Test
  void theFailVariantCancelsTheGenerationWhenTheElementAfterTheFailingOneBegins() {
    ScriptedBackend backend = new ScriptedBackend(FOUR);
    CompletionResult r = stream(backend, TASK.failingAt(1).request("Set 1: owls.", "t"));
    assertThat(r.verified()).isFalse();
    assertThat(r.findings()).anyMatch(f -> f.contains("LINE_FAILS_ON_PURPOSE"));
    assertThat(streamed).extracting(ServedStep::text).containsExactly("\"L1 a\"");
    // element 2 (index 1) is complete when element 3 begins, piece 9: refused there, nothing offered after it
    assertThat(backend.refusedAt).isEqualTo(9);
    assertThat(backend.offered).isEqualTo(10);
    assertThat(backend.requests).as("no repair calls the model again").hasSize(1);
  }

  @Test
  void anElementThatIsNoJsonStringFailsItsStep() {
    List<String> withTab = List.of("[\"L1 a\",\"L2 \tb\",\"L3 c\",\"L4 d\"]");
    CompletionResult r = stream(new ScriptedBackend(withTab), TASK.request("Set 1: owls.", "t"));
    assertThat(r.verified()).isFalse();
    assertThat(r.findings()).anyMatch(f -> f.contains("LINE_NOT_A_STRING"));
  }

  @Test
  void anAnswerWithTooFewLinesFailsAsAWhole() {
    List<String> three = List.of("[\"L1 a\",\"L2 b\",\"L3 c\"]");
    CompletionResult r = stream(new ScriptedBackend(three), TASK.request("Set 1: owls.", "t"));
    assertThat(r.verified()).isFalse();
    assertThat(r.findings()).anyMatch(f -> f.contains("LINES_COUNT"));
  }

  @Test
  void aRequestWithoutTheNumberOfLinesIsRefused() {
    CompletionRequest noLines = new CompletionRequest("Set 1: owls.", LinesTask.TASK, "t",
        RequestOptions.of(java.util.Map.of(TaskRequest.SCHEMA, TASK.schemaJson())), null, 0.0, null);
    assertThatThrownBy(() -> stream(new ScriptedBackend(FOUR), noLines))
        .isInstanceOf(StepCacheException.class).hasMessageContaining("'lines'");
  }

  @Test
  void theSchemaNamesEachElementsPrefixAndLength() {
    assertThat(new LinesTask(2, 5, -1).schemaJson()).isEqualTo("{\"type\":\"array\",\"prefixItems\":["
        + "{\"type\":\"string\",\"pattern\":\"^L1 [a-z ]{1,5}$\"},{\"type\":\"string\",\"pattern\":\"^L2 [a-z ]{1,5}$\"}],"
        + "\"minItems\":2,\"maxItems\":2}");
    assertThatThrownBy(() -> new LinesTask(4, 8, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
