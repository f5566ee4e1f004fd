package io.stepcache.liberty.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepCacheSettingsTest {

  @Test
  void durationsAreIso8601OrSeconds() {
    assertThat(StepCacheSettings.duration("k", "PT24H")).isEqualTo(Duration.ofHours(24));
    assertThat(StepCacheSettings.duration("k", "pt0.15s")).isEqualTo(Duration.ofMillis(150));
    assertThat(StepCacheSettings.duration("k", "86400")).isEqualTo(Duration.ofDays(1));
    assertThat(StepCacheSettings.duration("k", "0.15")).isEqualTo(Duration.ofMillis(150));
    assertThatThrownBy(() -> StepCacheSettings.duration("stepcache.store.ttl", "a day"))
        .hasMessageContaining("stepcache.store.ttl=a day");
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

  @Test
  void unknownBackendFailsWithAClearMessage() {
    StepCacheSettings s = new StepCacheSettings();
    s.backend = "vllm";
    assertThatThrownBy(s::backend)
        .hasMessageContaining("stepcache.backend=vllm")
        .hasMessageContaining("simulated");
    s.backend = "Simulated";
    assertThat(s.backend()).isEqualTo("simulated");
  }

  @Test
  void engineSettingsCarryCandidatesVariantsAndCheckpoints() {
    StepCacheSettings s = new StepCacheSettings();
    s.similarityThreshold = 0.5;
    s.maxPromptChars = 1000;
    s.maxSteps = 64;
    s.defaultMaxTokens = 512;
    s.maxTokensLimit = 4096;
    s.maxCandidates = 3;
    s.maxVariants = 5;
    s.checkpointPolicy = "Evenly-Spaced";
    s.checkpointBudget = 4;
    s.checkpointBlockTokens = 32;
    s.trustConfirm = "On-Demand";
    s.trustConfirmations = 2;
    s.trustMaxConfirmations = 4;
    s.trustErrorTarget = 0.01;
    s.trustQueueCapacity = 10;
    s.trustAuditRate = 0.25;
    s.trustMaxTokens = 64;
    s.trustTemperature = 0.9;
    var config = s.engineConfig();
    assertThat(config.trust()).isEqualTo(new io.stepcache.engine.trust.TrustSettings(
        io.stepcache.engine.trust.TrustSettings.Confirm.ON_DEMAND, 2, 4, 0.01, 10, 0.25, 64, 0.9));
    assertThat(config.maxCandidates()).isEqualTo(3);
    assertThat(config.maxVariants()).isEqualTo(5);
    assertThat(config.checkpoints().policy()).isEqualTo(io.stepcache.checkpoint.CheckpointPolicy.EVENLY_SPACED);
    assertThat(config.checkpoints().budget()).isEqualTo(4);
    assertThat(config.checkpoints().blockTokens()).isEqualTo(32);
    s.checkpointPolicy = "dp";
    assertThatThrownBy(s::engineConfig).hasMessageContaining("stepcache.checkpoints.policy=dp");
    s.checkpointPolicy = "none";
    s.trustAuditRate = 1.5;
    assertThatThrownBy(s::engineConfig).hasMessageContaining("stepcache.trust.*").hasMessageContaining("auditRate");
    s.trustAuditRate = 0.25;
    s.trustConfirm = "later";
    assertThatThrownBy(s::engineConfig).hasMessageContaining("stepcache.trust.confirm=later");
    s.trustConfirm = "eager";
    s.maxCandidates = 0;
    assertThatThrownBy(s::engineConfig).hasMessageContaining("stepcache.maxCandidates");
  }
}
