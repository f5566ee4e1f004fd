package io.stepcache.liberty.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hot-deployment settings stepcache.packs.*: defaults, and clear messages for bad values. */
class PacksSettingsTest {

  private static StepCacheSettings settings() {
    StepCacheSettings s = new StepCacheSettings();
    s.packsDir = Optional.empty();
    s.packsScanInterval = "PT0.5S";
    s.packsMaxUploadBytes = 67_108_864;
    s.packsDrainTimeout = "PT60S";
    return s;
  }

  @Test
  void defaultsArePacksInTheWorkingDirectoryHalfASecondAndAMinute() {
    StepCacheSettings s = settings();
    assertThat(s.packsDir()).isEqualTo(Path.of("packs").toAbsolutePath().normalize());
    assertThat(s.packsScanInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.packsDrainTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.packsMaxUploadBytes()).isEqualTo(64L * 1024 * 1024);
  }

  @Test
  void zeroTurnsWatchingOffAndBadValuesNameTheirKey() {
    StepCacheSettings s = settings();
    s.packsScanInterval = "0";
    assertThat(s.packsScanInterval()).isZero();
    s.packsScanInterval = "-PT1S";
    assertThatThrownBy(s::packsScanInterval).hasMessageContaining("stepcache.packs.scanInterval");
    s.packsDrainTimeout = "soon";
    assertThatThrownBy(s::packsDrainTimeout).hasMessageContaining("stepcache.packs.drainTimeout");
    s.packsMaxUploadBytes = 0;
    assertThatThrownBy(s::packsMaxUploadBytes).hasMessageContaining("stepcache.packs.maxUploadBytes");
    s.packsDir = Optional.of("${server.output.dir}/packs");
    assertThatThrownBy(s::packsDir).hasMessageContaining("stepcache.packs.dir");
    s.packsDir = Optional.of("/var/lib/stepcache/packs");
    assertThat(s.packsDir()).isEqualTo(Path.of("/var/lib/stepcache/packs"));
  }
}
