package io.stepcache.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void aRealModelServerImpliesTheRealClockAndBoundsTheOutput() {
    Options o = Options.parse(new String[] {"--llm-url", "http://127.0.0.1:8091/v1", "--max-tokens", "64"});
    assertThat(o.llmUrl()).isEqualTo("http://127.0.0.1:8091/v1");
    assertThat(o.realClock()).isTrue();
    assertThat(o.maxTokens()).isEqualTo(64);
    Options simulated = Options.parse(new String[] {});
    assertThat(simulated.llmUrl()).isNull();
    assertThat(simulated.realClock()).isFalse();
    assertThat(simulated.maxTokens()).isEqualTo(512);
  }

  @Test
  void rejectsAMalformedServerUrlAndAnOutOfRangeLimit() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--llm-url", "localhost:8091"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--llm-url");
    assertThatThrownBy(() -> Options.parse(new String[] {"--max-tokens", "0"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-tokens");
    assertThatThrownBy(() -> Options.parse(new String[] {"--max-tokens", "99999"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-tokens");
  }
}
