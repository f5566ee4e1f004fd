package it.io.stepcache.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.backend.openai.OpenAiBackend;
import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.backend.GenerationRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When StepCache cancels a streamed generation (its text sink returns false, the OpenAI backend
 * closes the stream and with it the connection), the real llama-server stops generating: checked
 * with the server's own token counter ({@code /metrics}, the build starts it with {@code
 * --metrics}), against the same request left to run to its end. A grammar (a JSON Schema of 40
 * fixed-length strings) makes even the random model write a long answer. How soon it stops is the
 * streaming benchmark's figure (bench/README.md, StreamBench), not asserted here.
 */
class LlamaServerCancelIT {

  private static final String PROMPT = "Write forty words of ten letters each, as a JSON array.";
  private static final String LONG_ANSWER = "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"minLength\":10,"
      + "\"maxLength\":10},\"minItems\":40,\"maxItems\":40}";
  private static final Pattern TOKENS = Pattern.compile("(?m)^llamacpp:tokens_predicted_total (\\S+)$");

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void needsTheModelServerWithMetrics() throws Exception {
    LlmServer.assumeRunning();
    HttpResponse<String> r = get("/metrics");
    if (r.statusCode() != 200) {
      String why = "llama-server on port " + LlmServer.port() + " runs without --metrics (HTTP " + r.statusCode()
          + "); the build starts it with --metrics: stop the one running (tools/llm-server/llm-server.sh stop)";
      if (Boolean.getBoolean("llm.required")) {
        Assertions.fail("Required: " + why);
      }
      Assumptions.abort(why);
    }
  }

  @Test
  void closingTheStreamStopsTheServersGeneration() throws Exception {
    GenerationRequest request =
        new GenerationRequest(PROMPT, null, 0.0, 600, new GenerationHints(null, LONG_ANSWER));
    try (OpenAiBackend backend = new OpenAiBackend(OpenAiSettings.of(LlmServer.baseUrl())
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(60)))) {
      long before = tokensWhenIdle();
      Generation whole = backend.stream(request, delta -> true);
      long wholeTokens = tokensWhenIdle() - before;
      assertThat(whole.truncated()).as("the grammar's answer fits max_tokens").isFalse();
      assertThat(wholeTokens).as("40 strings of 10 characters").isGreaterThan(100);

      AtomicInteger pieces = new AtomicInteger();
      long start = tokensWhenIdle();
      Generation cancelled = backend.stream(request, delta -> pieces.incrementAndGet() < 5);
      long cancelledTokens = tokensWhenIdle() - start;
      System.out.printf("[cancel] whole answer %d tokens; cancelled after 5 pieces: %d tokens generated%n", wholeTokens,
          cancelledTokens);
      assertThat(pieces).hasValue(5);
      // the server generated what was read plus what was in flight when the connection closed: far from the whole
      assertThat(cancelledTokens).isGreaterThanOrEqualTo(5).isLessThan(wholeTokens / 2);
    }
  }

  /** The server's generated-token counter once no slot is processing (it adds a slot's tokens when it releases it). */
  private long tokensWhenIdle() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (get("/slots").body().contains("\"is_processing\":true")) {
      assertThat(System.nanoTime()).as("llama-server still generating 20 s after the stream ended").isLessThan(deadline);
      Thread.sleep(5);
    }
    Matcher m = TOKENS.matcher(get("/metrics").body());
    assertThat(m.find()).as("llamacpp:tokens_predicted_total in /metrics").isTrue();
    assertThat(m.group(1)).as("printed in full (6 significant digits)").doesNotContain("e");
    return Math.round(Double.parseDouble(m.group(1)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LlmServer.port() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
