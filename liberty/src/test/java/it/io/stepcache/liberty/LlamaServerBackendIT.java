package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.backend.openai.OpenAiBackend;
import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's OpenAI-compatible client against the real llama-server that the build started
 * (tiny random-weight model, so the text is gibberish: only structure and determinism are checked).
 */
class LlamaServerBackendIT {

  private static final String PROMPT = "Solve 3x + 5 = 20. Show each step on its own line.";

  @BeforeEach
  void needsTheModelServer() {
    LlmServer.assumeRunning();
  }

  private static OpenAiSettings settings() {
    return OpenAiSettings.of(LlmServer.baseUrl()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));
  }

  private static Generation generate(OpenAiSettings s, GenerationRequest r) {
    try (OpenAiBackend b = new OpenAiBackend(s)) {
      return b.generate(r);
    }
  }

  @Test
  void oneJsonAnswerWithTheServersUsage() {
    Generation g = generate(settings(), new GenerationRequest(PROMPT, null, 0.0, 16));
    assertThat(g.text()).isNotEmpty();
    assertThat(g.promptTokens()).isGreaterThan(10);
    assertThat(g.completionTokens()).isBetween(1L, 16L);
    assertThat(g.truncated()).isEqualTo(g.completionTokens() == 16);
  }

  @Test
  void temperatureZeroIsDeterministicAndStreamingGivesTheSameAnswer() {
    GenerationRequest r = new GenerationRequest(PROMPT, "any-name", 0.0, 24);
    Generation a = generate(settings(), r);
    Generation b = generate(settings(), r);
    Generation streamed = generate(settings().withStream(true), r);
    assertThat(b).isEqualTo(a);
    assertThat(streamed.text()).isEqualTo(a.text());
    assertThat(streamed.completionTokens()).isEqualTo(a.completionTokens());
    assertThat(streamed.promptTokens()).isEqualTo(a.promptTokens());
    assertThat(streamed.truncated()).isEqualTo(a.truncated());
  }

  @Test
  void aJsonSchemaConstrainsTheOutputAndTheSaltDoesNoHarm() {
    String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":\"integer\"}},"
        + "\"required\":[\"name\",\"age\"]}";
    Generation g = generate(settings().withCacheSalt(true), new GenerationRequest(
        "Extract name and age as JSON: Alice is 31 years old.", null, 0.0, 24, new GenerationHints("acme", schema)));
    // the server's grammar makes even a random model start a JSON object with the first key
    assertThat(g.text().strip()).startsWith("{").contains("\"name\"");
  }

  @Test
  void aGenerationLongerThanTheReadTimeoutIs504() {
    OpenAiSettings s = settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200));
    for (boolean stream : new boolean[] {false, true}) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> generate(s.withStream(stream), new GenerationRequest(PROMPT + " " + stream, null, 0.0,
          3000)))
          .isInstanceOfSatisfying(StepCacheException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_TIMEOUT));
      assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
    }
  }

  @Test
  void aServerErrorCarriesTheServersMessage() {
    // a prompt longer than the server's context is refused with 400 and a message of its own
    String huge = "word ".repeat(6000);
    assertThatThrownBy(() -> generate(settings(), new GenerationRequest(huge, null, 0.0, 8)))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BACKEND_FAILED))
        .hasMessageContaining("HTTP 400").hasMessageContaining("exceeds the available context size");
  }
}
