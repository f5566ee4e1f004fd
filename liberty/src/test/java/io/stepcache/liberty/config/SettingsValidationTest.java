package io.stepcache.liberty.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.checkpoint.CheckpointPolicy;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.trust.TrustSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad values fail with a message naming the key and what is allowed; good ones reach the engine. */
class SettingsValidationTest {

  private static final Map<String, String> ENGINE = Map.ofEntries(
      Map.entry("stepcache.maxPromptChars", "1000"),
      Map.entry("stepcache.maxCandidates", "3"),
      Map.entry("stepcache.maxVariants", "5"),
      Map.entry("stepcache.checkpoints.policy", "Evenly-Spaced"),
      Map.entry("stepcache.checkpoints.budget", "4"),
      Map.entry("stepcache.checkpoints.blockTokens", "32"),
      Map.entry("stepcache.trust.confirm", "On-Demand"),
      Map.entry("stepcache.trust.confirmations", "2"),
      Map.entry("stepcache.trust.maxConfirmations", "4"),
      Map.entry("stepcache.trust.errorTarget", "0.01"),
      Map.entry("stepcache.trust.queueCapacity", "10"),
      Map.entry("stepcache.trust.auditRate", "0.25"),
      Map.entry("stepcache.trust.maxTokens", "64"),
      Map.entry("stepcache.trust.temperature", "0.9"));

  private static EngineConfig engine(String key, String value) {
    Map<String, String> values = new HashMap<>(ENGINE);
    values.put(key, value);
    return TestConfig.bean(EngineProperties.class, values).engineConfig("m");
  }

  @Test
  void engineSettingsCarryCandidatesVariantsCheckpointsAndTrust() {
    EngineConfig config = engine("stepcache.maxSteps", "64");
    assertThat(config.trust()).isEqualTo(
        new TrustSettings(TrustSettings.Confirm.ON_DEMAND, 2, 4, 0.01, 10, 0.25, 64, 0.9));
    assertThat(config.maxPromptChars()).isEqualTo(1000);
    assertThat(config.maxCandidates()).isEqualTo(3);
    assertThat(config.maxVariants()).isEqualTo(5);
    assertThat(config.checkpoints().policy()).isEqualTo(CheckpointPolicy.EVENLY_SPACED);
    assertThat(config.checkpoints().budget()).isEqualTo(4);
    assertThat(config.checkpoints().blockTokens()).isEqualTo(32);
    assertThat(engine("stepcache.checkpoints.policy", "every-block").checkpoints().policy())
        .isEqualTo(CheckpointPolicy.EVERY_BLOCK);
  }

  @Test
  void badEngineValuesNameTheirKey() {
    assertThatThrownBy(() -> engine("stepcache.checkpoints.policy", "dp"))
        .hasMessageContaining("stepcache.checkpoints.policy=dp")
        .hasMessageContaining("'planned', 'none', 'every-block' or 'evenly-spaced'");
    assertThatThrownBy(() -> engine("stepcache.trust.auditRate", "1.5"))
        .hasMessageContaining("stepcache.trust.*").hasMessageContaining("auditRate");
    assertThatThrownBy(() -> engine("stepcache.trust.confirm", "later"))
        .hasMessageContaining("stepcache.trust.confirm=later").hasMessageContaining("'eager' or 'on-demand'");
    assertThatThrownBy(() -> engine("stepcache.maxCandidates", "0")).hasMessageContaining("stepcache.maxCandidates");
    assertThatThrownBy(() -> engine("stepcache.maxSteps", "many"))
        .hasMessageContaining("stepcache.maxSteps").hasMessageContaining("many");
  }

  @Test
  void unknownBackendOrClockFailsWithAClearMessage() {
    assertThatThrownBy(() -> TestConfig.bean(ServerProperties.class, Map.of("stepcache.backend", "vllm")).backend())
        .hasMessageContaining("stepcache.backend=vllm")
        .hasMessageContaining("'simulated' or 'openai'");
    assertThat(TestConfig.bean(ServerProperties.class, Map.of("stepcache.backend", "Simulated")).backend())
        .isEqualTo("simulated");
    assertThatThrownBy(() -> TestConfig.bean(ServerProperties.class, Map.of("stepcache.clock", "fast")).clock())
        .hasMessageContaining("stepcache.clock=fast").hasMessageContaining("'real' or 'virtual'");
    assertThatThrownBy(
            () -> TestConfig.bean(ServerProperties.class, Map.of("stepcache.maxRequestBytes", "0")).maxRequestBytes())
        .hasMessageContaining("stepcache.maxRequestBytes=0").hasMessageContaining("a positive number of bytes");
  }

  @Test
  void storeValuesNameTheirKey() {
    assertThatThrownBy(() -> TestConfig.bean(StoreProperties.class, Map.of("stepcache.store.ttl", "0")).ttl())
        .hasMessageContaining("stepcache.store.ttl=PT0S").hasMessageContaining("a positive duration");
    assertThatThrownBy(
            () -> TestConfig.bean(StoreProperties.class, Map.of("stepcache.store.maxEntries", "-1")).maxEntries())
        .hasMessageContaining("stepcache.store.maxEntries=-1");
    assertThatThrownBy(
            () -> TestConfig.bean(StoreProperties.class, Map.of("stepcache.data.dir", "${nowhere}/x")).dataDir())
        .hasMessageContaining("stepcache.data.dir").hasMessageContaining("unresolved variables");
    assertThat(TestConfig.bean(StoreProperties.class, Map.of("stepcache.data.dir", "/var/lib/sc")).dataDir())
        .isEqualTo(Path.of("/var/lib/sc"));
  }

  @Test
  void packsZeroTurnsWatchingOffAndBadValuesNameTheirKey() {
    assertThat(TestConfig.bean(PacksProperties.class, Map.of("stepcache.packs.scanInterval", "0")).scanInterval())
        .isZero();
    assertThatThrownBy(
            () -> TestConfig.bean(PacksProperties.class, Map.of("stepcache.packs.scanInterval", "-PT1S")).scanInterval())
        .hasMessageContaining("stepcache.packs.scanInterval=PT-1S").hasMessageContaining("zero (off) or more");
    assertThatThrownBy(
            () -> TestConfig.bean(PacksProperties.class, Map.of("stepcache.packs.drainTimeout", "-1")).drainTimeout())
        .hasMessageContaining("stepcache.packs.drainTimeout=PT-1S");
    assertThatThrownBy(
            () -> TestConfig.bean(PacksProperties.class, Map.of("stepcache.packs.maxUploadBytes", "0")).maxUploadBytes())
        .hasMessageContaining("stepcache.packs.maxUploadBytes=0");
    assertThatThrownBy(
            () -> TestConfig.bean(PacksProperties.class, Map.of("stepcache.packs.dir", "${server.output.dir}/p")).dir())
        .hasMessageContaining("stepcache.packs.dir");
    assertThat(TestConfig.bean(PacksProperties.class, Map.of("stepcache.packs.dir", "/var/lib/stepcache/packs")).dir())
        .isEqualTo(Path.of("/var/lib/stepcache/packs"));
  }

  private static OpenAiSettings openAi(String key, String value) {
    Map<String, String> values = new HashMap<>(Map.of(
        "stepcache.backend.openai.apiKey", "sk-secret", "stepcache.backend.openai.readTimeout", "120"));
    values.put(key, value);
    return TestConfig.bean(OpenAiProperties.class, values).settings();
  }

  @Test
  void readsTheOpenAiBackendSettings() {
    OpenAiSettings o = openAi("stepcache.backend.openai.maxRetries", "2");
    assertThat(o.chatCompletionsUri().toString()).isEqualTo("http://127.0.0.1:8090/v1/chat/completions");
    assertThat(o.model()).isNull();
    assertThat(o.apiKey()).isEqualTo("sk-secret");
    assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.backoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(o.maxRetries()).isEqualTo(2);
    assertThat(o.stream()).isFalse();
    assertThat(o.responseFormat()).isTrue();
    assertThat(o.cacheSalt()).isFalse();
    assertThat(o.toString()).doesNotContain("sk-secret");
  }

  @Test
  void badOpenAiValuesNameTheirKey() {
    assertThatThrownBy(() -> openAi("stepcache.backend.openai.baseUrl", "localhost:8090"))
        .hasMessageContaining("stepcache.backend.openai").hasMessageContaining("http");
    assertThatThrownBy(() -> openAi("stepcache.backend.openai.readTimeout", "0"))
        .hasMessageContaining("stepcache.backend.openai.readTimeout=PT0S").hasMessageContaining("a positive duration");
    assertThatThrownBy(() -> openAi("stepcache.backend.openai.maxRetries", "11"))
        .hasMessageContaining("stepcache.backend.openai.maxRetries=11").hasMessageContaining("from 0 to 10");
    assertThatThrownBy(() -> openAi("stepcache.backend.openai.connectTimeout", "soon"))
        .hasMessageContaining("stepcache.backend.openai.connectTimeout").hasMessageContaining("soon");
  }

  @Test
  void simulatorRatesOutOfRangeFail() {
    assertThatThrownBy(() -> TestConfig.bean(SimulatorProperties.class,
            Map.of("stepcache.backend.sim.error.wrongSign", "2")).errors())
        .hasMessageContaining("stepcache.backend.sim.error.*");
    assertThatThrownBy(() -> TestConfig.bean(SimulatorProperties.class,
            Map.of("stepcache.backend.sim.decodeTokensPerSecond", "0")).profile())
        .hasMessageContaining("stepcache.backend.sim.*");
  }

  @Test
  void securitySettingsAreReadAndBadOnesNameTheirKey() {
    SecurityProperties dev = TestConfig.bean(SecurityProperties.class, Map.of("stepcache.security.mode", "Dev",
        "stepcache.security.lockAfter", "3", "stepcache.security.lockFor", "PT5S"));
    assertThat(dev.mode()).isEqualTo(io.stepcache.identity.SecurityMode.DEV);
    assertThat(dev.throttle().lockAfter()).isEqualTo(3);
    assertThat(dev.throttle().lockFor()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThatThrownBy(() -> TestConfig.bean(SecurityProperties.class, Map.of("stepcache.security.mode", "open"))
        .mode()).hasMessageContaining("stepcache.security.mode=open").hasMessageContaining("'production' or 'dev'");
    assertThatThrownBy(() -> TestConfig.bean(SecurityProperties.class, Map.of("stepcache.security.lockAfter", "0"))
        .throttle()).hasMessageContaining("stepcache.security.lockAfter");
  }
}
