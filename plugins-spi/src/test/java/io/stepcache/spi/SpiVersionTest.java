package io.stepcache.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpiVersionTest {

  @Test
  void intervalsAndBareVersions() {
    assertThat(SpiVersion.satisfies("1.0", "[1.0,2.0)")).isTrue();
    assertThat(SpiVersion.satisfies("1.9.3", "[1.0,2.0)")).isTrue();
    assertThat(SpiVersion.satisfies("2.0", "[1.0,2.0)")).isFalse();
    assertThat(SpiVersion.satisfies("2.0", "[1.0,2.0]")).isTrue();
    assertThat(SpiVersion.satisfies("1.0", "(1.0,2.0)")).isFalse();
    assertThat(SpiVersion.satisfies("0.9", "1.0")).isFalse();
    assertThat(SpiVersion.satisfies("1.0.0", "1.0")).isTrue();
    assertThat(SpiVersion.satisfies("7.0", "*")).isTrue();
    assertThat(SpiVersion.satisfies("7.0", "[2.0,)")).isTrue();
  }

  @Test
  void badRangesFailLoudly() {
    assertThatThrownBy(() -> SpiVersion.satisfies("1.0", "[1.0,2.0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpiVersion.satisfies("1.0", "[one,two]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void currentIsInTheRangeOurPacksDeclare() {
    assertThat(SpiVersion.satisfies(SpiVersion.CURRENT, "[1.0,2.0)")).isTrue();
  }
}
