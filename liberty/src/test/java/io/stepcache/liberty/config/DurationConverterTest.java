package io.stepcache.liberty.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Durations are ISO-8601 in any letter case or a number of seconds, as the README says. */
class DurationConverterTest {

  private final DurationConverter converter = new DurationConverter();

  @Test
  void readsIso8601InAnyCaseAndNumbersOfSeconds() {
    assertThat(converter.convert("PT24H")).isEqualTo(Duration.ofHours(24));
    assertThat(converter.convert("pt0.15s")).isEqualTo(Duration.ofMillis(150));
    assertThat(converter.convert(" P1D ")).isEqualTo(Duration.ofDays(1));
    assertThat(converter.convert("-PT1S")).isEqualTo(Duration.ofSeconds(-1));
    assertThat(converter.convert("86400")).isEqualTo(Duration.ofDays(1));
    assertThat(converter.convert("0.15")).isEqualTo(Duration.ofMillis(150));
    assertThat(converter.convert("0")).isZero();
    assertThat(converter.convert("-2")).isEqualTo(Duration.ofSeconds(-2));
  }

  @Test
  void rejectsAnythingElseSayingWhatIsAllowed() {
    for (String bad : new String[] {"a day", "24h", "PT", "NaN", "Infinity", "-pt1s", "1 s"}) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining(DurationConverter.EXPECTED);
    }
  }

  @Test
  void anEmptyValueIsNoValueAndNullIsRefused() {
    assertThat(converter.convert("  ")).isNull();
    assertThatThrownBy(() -> converter.convert(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void isRegisteredSoThatEveryDurationSettingAcceptsSeconds() {
    // Duration.parse alone (an implicit converter) would refuse "0.25"
    assertThat(TestConfig.bean(StoreProperties.class, Map.of("stepcache.store.ttl", "0.25")).ttl())
        .isEqualTo(Duration.ofMillis(250));
    assertThat(TestConfig.bean(PacksProperties.class, Map.of("stepcache.packs.scanInterval", "2")).scanInterval())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aValueThatDoesNotConvertFailsNamingTheKey() {
    assertThatThrownBy(() -> TestConfig.config(Map.of("stepcache.packs.drainTimeout", "soon")))
        .hasMessageContaining("stepcache.packs.drainTimeout")
        .hasMessageContaining("soon")
        .hasMessageContaining(DurationConverter.EXPECTED);
  }
}
