package io.stepcache.liberty.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.ModelKeys;
import io.stepcache.liberty.config.EngineProperties;
import io.stepcache.liberty.config.OpenAiProperties;
import io.stepcache.liberty.config.PacksProperties;
import io.stepcache.liberty.config.ServerProperties;
import io.stepcache.liberty.config.SimulatorProperties;
import io.stepcache.liberty.config.StoreProperties;
import io.stepcache.liberty.config.TestConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepCacheSettingsTest {

  private static StepCacheSettings settings(Map<String, String> values) {
    var config = TestConfig.config(values);
    StepCacheSettings s = new StepCacheSettings();
    s.config = config;
    s.engine = config.getConfigMapping(EngineProperties.class, "stepcache");
    s.server = config.getConfigMapping(ServerProperties.class, "stepcache");
    s.store = config.getConfigMapping(StoreProperties.class, "stepcache");
    s.openAi = config.getConfigMapping(OpenAiProperties.class, "stepcache.backend.openai");
    s.sim = config.getConfigMapping(SimulatorProperties.class, "stepcache.backend.sim");
    s.packs = config.getConfigMapping(PacksProperties.class, "stepcache.packs");
    return s;
  }

  @Test
  void theAccessorsOfTheRuntimeReadTheBeans() {
    StepCacheSettings s = settings(Map.of(
        "stepcache.backend", "OpenAI",
        "stepcache.store.ttl", "PT1H",
        "stepcache.maxSteps", "12",
        "stepcache.pack.math-linear.repair.maxAttempts", "3"));
    assertThat(s.backend()).isEqualTo("openai");
    assertThat(s.clock()).isEqualTo("real");
    assertThat(s.storeTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(s.storeMaxEntries()).isEqualTo(10_000);
    assertThat(s.dataDir()).isEqualTo(Path.of("stepcache-data").toAbsolutePath().normalize());
    assertThat(s.maxRequestBytes()).isEqualTo(65_536);
    assertThat(s.benchEchoEnabled()).isFalse();
    assertThat(settings(Map.of()).engineConfig())
        .isEqualTo(EngineConfig.defaults().withModelKeys(ModelKeys.exact(StepCacheSettings.SIMULATED_MODEL)));
    assertThat(s.engineConfig().maxSteps()).isEqualTo(12);
    assertThat(s.openAiSettings().readTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.simSeed()).isEqualTo(42);
    assertThat(s.simProfile().timeToFirstToken()).isEqualTo(Duration.ofMillis(150));
    assertThat(s.simErrors().wrongSign()).isZero();
    assertThat(s.packsDir()).isEqualTo(Path.of("packs").toAbsolutePath().normalize());
    assertThat(s.packsScanInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.packsDrainTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.packsMaxUploadBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(s.packSettings()).isEqualTo(Map.of("math-linear", Map.of("repair.maxAttempts", "3")));
  }

  @Test
  void packSettingsAreGroupedByPackId() {
    Map<String, String> props = Map.of(
        "stepcache.pack.math-linear.repair.maxAttempts", "2",
        "stepcache.pack.json.repair.oneShot", "true",
        "stepcache.store.ttl", "PT1H");
    assertThat(StepCacheSettings.packSettings(List.copyOf(props.keySet()), props::get))
        .isEqualTo(Map.of("math-linear", Map.of("repair.maxAttempts", "2"), "json", Map.of("repair.oneShot", "true")));
    assertThatThrownBy(() -> StepCacheSettings.packSettings(List.of("stepcache.pack.json"), k -> "x"))
        .hasMessageContaining("stepcache.pack.<pack-id>.<setting>");
  }
}
