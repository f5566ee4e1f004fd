package io.stepcache.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ServerCountersTest {

  private static final String METRICS = """
      # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed, excluding cached tokens
      # TYPE llamacpp:prompt_tokens_total counter
      llamacpp:prompt_tokens_total 152
      llamacpp:prompt_tokens_cached_total 0
      llamacpp:tokens_predicted_total 66
      llamacpp:tokens_predicted_seconds_total 0.40588
      llamacpp:predicted_tokens_seconds 144.847
      """;

  @Test
  void readsTheCountersAndTheirDifference() throws IOException {
    ServerCounters c = ServerCounters.parse(METRICS);
    assertThat(c).isEqualTo(new ServerCounters(66, 0.40588, 152, 0));
    ServerCounters later = new ServerCounters(120, 0.60588, 228, 5);
    ServerCounters d = later.minus(c);
    assertThat(d.tokensPredicted()).isEqualTo(54);
    assertThat(d.predictSeconds()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(d.promptTokens()).isEqualTo(76);
    assertThat(d.promptTokensCached()).isEqualTo(5);
  }

  @Test
  void aTokenCounterPrintedWithTooFewDigitsOrMissingFailsLoudly() {
    assertThatThrownBy(() -> ServerCounters.parse(METRICS.replace("tokens_predicted_total 66", "tokens_predicted_total 1.23457e+06")))
        .isInstanceOf(IOException.class).hasMessageContaining("restart llama-server");
    assertThatThrownBy(() -> ServerCounters.parse(METRICS.replace("llamacpp:prompt_tokens_cached_total 0\n", "")))
        .isInstanceOf(IOException.class).hasMessageContaining("prompt_tokens_cached_total");
  }
}
