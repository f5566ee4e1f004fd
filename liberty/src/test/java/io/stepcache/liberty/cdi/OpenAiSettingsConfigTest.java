package io.stepcache.liberty.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.backend.openai.OpenAiSettings;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** stepcache.backend.openai.* become the engine's {@link OpenAiSettings}; bad values name their key. */
class OpenAiSettingsConfigTest {

  private static StepCacheSettings defaults() {
    StepCacheSettings s = new StepCacheSettings();
    s.backend = "OpenAI";
    s.openAiBaseUrl = "http://127.0.0.1:8090/v1";
    s.openAiModel = Optional.empty();
    s.openAiApiKey = Optional.of("sk-secret");
    s.openAiConnectTimeout = "PT2S";
    s.openAiReadTimeout = "120";
    s.openAiMaxRetries = 2;
    s.openAiBackoff = "PT0.2S";
    s.openAiResponseFormat = true;
    return s;
  }

  @Test
  void readsTheBackendSettings() {
    StepCacheSettings s = defaults();
    assertThat(s.backend()).isEqualTo("openai");
    OpenAiSettings o = s.openAiSettings();
    assertThat(o.chatCompletionsUri().toString()).isEqualTo("http://127.0.0.1:8090/v1/chat/completions");
    assertThat(o.model()).isNull();
    assertThat(o.apiKey()).isEqualTo("sk-secret");
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(o.backoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(o.maxRetries()).isEqualTo(2);
    assertThat(o.stream()).isFalse();
    assertThat(o.responseFormat()).isTrue();
    assertThat(o.cacheSalt()).isFalse();
    assertThat(o.toString()).doesNotContain("sk-secret");
  }

  @Test
  void badValuesNameTheirKey() {
    StepCacheSettings s = defaults();
    s.openAiBaseUrl = "localhost:8090";
    assertThatThrownBy(s::openAiSettings).hasMessageContaining("stepcache.backend.openai").hasMessageContaining("http");
    s = defaults();
    s.openAiReadTimeout = "0";
    assertThatThrownBy(s::openAiSettings).hasMessageContaining("stepcache.backend.openai.readTimeout=0");
    s = defaults();
    s.openAiMaxRetries = 11;
    assertThatThrownBy(s::openAiSettings).hasMessageContaining("stepcache.backend.openai.maxRetries=11");
    s = defaults();
    s.openAiConnectTimeout = "soon";
    assertThatThrownBy(s::openAiSettings).hasMessageContaining("stepcache.backend.openai.connectTimeout=soon");
  }
}
