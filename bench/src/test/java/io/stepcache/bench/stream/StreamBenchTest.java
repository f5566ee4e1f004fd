package io.stepcache.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.bench.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's bookkeeping against {@link StandInLlamaServer} (a stand-in with a fixed token
 * delay, not a model): what it counts, what it writes, and that it fails loudly when the server is
 * not set up for it. The figures of the real run come from a real llama-server (bench/README.md).
 */
class StreamBenchTest {

  /** 5 lines: 2 + 4 x 5 = 22 pieces, 23 tokens with the end of the stream. */
  private static final int WHOLE_ANSWER_TOKENS = StandInLlamaServer.pieces(5).size() + 1;
  /** Failing element 1 is complete when element 2 begins: pieces 0..9. */
  private static final int PIECES_AT_CANCEL = 10;

  @TempDir
  Path out;

  private String[] args(StandInLlamaServer server) {
    return args(server, 1);
  }

  private String[] args(StandInLlamaServer server, int failAt) {
    return new String[] {"--llm-url", server.baseUrl(), "--repetitions", "2", "--warmup", "1", "--lines", "5",
        "--fail-at", Integer.toString(failAt), "--max-tokens", "64", "--out", out.toString(), "--no-png", "--quiet"};
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> runAndRead(StandInLlamaServer server) throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    int code = StreamBench.run(args(server), new PrintStream(text, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isZero();
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("TTFV difference, paired").contains("[p50 ");
    return (Map<String, Object>) Json.parse(Files.readString(out.resolve("stream.json")));
  }

  private static long number(Object o) {
    return ((BigDecimal) o).longValueExact();
  }

  @Test
  @SuppressWarnings("unchecked")
  void countsTheTokensAServerThatStopsOnACloseGeneratesAfterTheFailingStep() throws Exception {
    try (StandInLlamaServer server = new StandInLlamaServer(5, true)) {
      Map<String, Object> json = runAndRead(server);
      List<Map<String, Object>> reps = (List<Map<String, Object>>) json.get("repetitions");
      assertThat(reps).hasSize(2);
      for (Map<String, Object> r : reps) {
        Map<String, Object> direct = (Map<String, Object>) r.get("direct");
        Map<String, Object> pass = (Map<String, Object>) r.get("pass");
        Map<String, Object> fail = (Map<String, Object>) r.get("fail");
        Map<String, Object> cancel = (Map<String, Object>) fail.get("cancel");
        assertThat(number(direct.get("serverTokens"))).isEqualTo(WHOLE_ANSWER_TOKENS);
        assertThat(number(pass.get("serverTokens"))).isEqualTo(WHOLE_ANSWER_TOKENS);
        assertThat(number(pass.get("streamedSteps"))).isEqualTo(5);
        assertThat(pass.get("verified")).isEqualTo(true);
        assertThat(number(fail.get("streamedSteps"))).isEqualTo(1);
        assertThat(number(cancel.get("piecesAtCancel"))).isEqualTo(PIECES_AT_CANCEL);
        // the stand-in stops at the first write that fails after the close: at least the token it could not write,
        // and fewer than a server that goes on (below); more than one when the client lagged behind the stream
        long after = number(cancel.get("tokensAfterFailingStep"));
        assertThat(after).isBetween(1L, WHOLE_ANSWER_TOKENS - 2L - PIECES_AT_CANCEL);
        assertThat(number(fail.get("serverTokens"))).isEqualTo(PIECES_AT_CANCEL + after);
        assertThat(number(r.get("savedTokens"))).isEqualTo(WHOLE_ANSWER_TOKENS - PIECES_AT_CANCEL - after);
        assertThat(((BigDecimal) cancel.get("stopUpperMs")).doubleValue())
            .isGreaterThanOrEqualTo(((BigDecimal) cancel.get("stopLowerMs")).doubleValue());
        // the first element is complete at piece 5 of both streams, after 6 token delays
        assertThat(((BigDecimal) direct.get("ttfvMs")).doubleValue()).isGreaterThanOrEqualTo(30);
        assertThat(((BigDecimal) pass.get("ttfvMs")).doubleValue()).isGreaterThanOrEqualTo(30);
        assertThat(r.get("passSameText")).isEqualTo(true);
        assertThat(r.get("failSamePrefix")).isEqualTo(true);
      }
      Map<String, Object> summary = (Map<String, Object>) json.get("summary");
      assertThat((List<Object>) summary.get("targets")).hasSize(4);
      assertThat(json.get("command").toString()).contains("StreamBench").contains("--fail-at 1");
      assertThat(Files.readAllLines(out.resolve("stream.csv"))).hasSize(3);
      assertThat(out.resolve("ttfv-cdf.svg")).exists();
      assertThat(out.resolve("cancel-tokens.svg")).exists();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aServerThatGoesOnGeneratingAfterTheCloseIsCaughtByItsCounters() throws Exception {
    try (StandInLlamaServer server = new StandInLlamaServer(5, false)) {
      Map<String, Object> json = runAndRead(server);
      for (Map<String, Object> r : (List<Map<String, Object>>) json.get("repetitions")) {
        Map<String, Object> cancel = (Map<String, Object>) ((Map<String, Object>) r.get("fail")).get("cancel");
        // it writes nothing more but generates the rest of the answer (no end-of-stream token)
        assertThat(number(cancel.get("tokensAfterFailingStep"))).isEqualTo(WHOLE_ANSWER_TOKENS - 1 - PIECES_AT_CANCEL);
        assertThat(((BigDecimal) cancel.get("stopUpperMs")).doubleValue()).isGreaterThanOrEqualTo(50);
      }
    }
  }

  @Test
  void aServerThatServesPromptsFromItsCacheIsRefused() throws IOException {
    try (StandInLlamaServer server = new StandInLlamaServer(0, true)) {
      server.cachePrompts(40);
      assertThatThrownBy(() -> StreamBench.run(args(server), System.out, System.err))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("--no-cache-prompt");
    }
  }

  @Test
  void aServerWithoutMetricsIsNamedAsSuch() throws IOException {
    try (StandInLlamaServer server = new StandInLlamaServer(0, true)) {
      server.noMetrics();
      assertThatThrownBy(() -> StreamBench.run(args(server), System.out, System.err))
          .isInstanceOf(IOException.class).hasMessageContaining("--metrics");
    }
  }

  @Test
  void badOptionsExitWith2() throws Exception {
    try (StandInLlamaServer server = new StandInLlamaServer(0, true)) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
      assertThat(StreamBench.run(args(server, 4), System.out, e)).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("--fail-at must be in 1..lines-2 = 1..3");
      assertThat(StreamBench.run(new String[] {"--repetitions", "2"}, System.out, e)).isEqualTo(2);
      assertThat(server.tokens()).as("nothing was sent").isZero();
    }
  }
}
