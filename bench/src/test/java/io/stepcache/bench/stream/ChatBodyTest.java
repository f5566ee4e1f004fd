package io.stepcache.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.backend.openai.OpenAiBackend;
import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import org.junit.jupiter.api.Test;

/** The direct call sends, byte for byte, the body StepCache's OpenAI backend sends for the same generation. */
class ChatBodyTest {

  @Test
  void theDirectBodyIsTheBackendsBody() throws Exception {
    LinesTask task = new LinesTask(3, 10, -1);
    String prompt = LinesPack.prompt(task.taskRequest("Set 1: \"owls\" and rivers."));
    try (StandInLlamaServer server = new StandInLlamaServer(0, true);
        OpenAiBackend backend = new OpenAiBackend(OpenAiSettings.of(server.baseUrl()))) {
      backend.stream(new GenerationRequest(prompt, null, 0.0, 200, new GenerationHints("tenant", task.schemaJson())),
          delta -> true);
      assertThat(server.bodies).hasSize(1);
      assertThat(ChatBody.of(prompt, 200, 0.0, task.schemaJson())).isEqualTo(server.bodies.get(0));
    }
  }
}
