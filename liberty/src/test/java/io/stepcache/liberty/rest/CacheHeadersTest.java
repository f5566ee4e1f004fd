package io.stepcache.liberty.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.identity.CacheControl;
import io.stepcache.identity.Caller;
import io.stepcache.identity.Role;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cache-Control and X-StepCache-TTL as both doors read them. */
class CacheHeadersTest {

  private static final Duration STORE_TTL = Duration.ofHours(24);

  private static CacheDirectives read(String cacheControl, String ttl) {
    return CacheHeaders.read(cacheControl, ttl, Optional.empty(), STORE_TTL);
  }

  @Test
  void readsTheDirectivesAndIgnoresUnknownOnes() {
    assertThat(read(null, null)).isEqualTo(CacheDirectives.DEFAULT);
    assertThat(read("No-Cache, no-transform", null)).isEqualTo(new CacheDirectives(false, true, null, null));
    assertThat(read("no-store", "60")).isEqualTo(new CacheDirectives(true, false, null, Duration.ofSeconds(60)));
    assertThat(read("max-age=\"30\", private", null).maxAge()).isEqualTo(Duration.ofSeconds(30));
    assertThat(read("max-age=0", null).maxAge()).isZero();
    assertThat(read(null, "86400").ttl()).isEqualTo(STORE_TTL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"max-age", "max-age=", "max-age=-1", "max-age=soon", "max-age=1e9",
      "max-age=99999999999999999999999"})
  void aBadMaxAgeIsA400(String cacheControl) {
    assertThatThrownBy(() -> read(cacheControl, null)).isInstanceOfSatisfying(StepCacheException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST)).hasMessageContaining("max-age");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "86401", "1.5", "", "ten", "999999999999999999999"})
  void aTtlOutsideOneSecondToTheStoresIsA400(String ttl) {
    assertThatThrownBy(() -> read(null, ttl)).isInstanceOfSatisfying(StepCacheException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST)).hasMessageContaining(CacheHeaders.TTL);
  }

  @Test
  void aKeyMayUseOnlyTheDirectivesItWasIssuedWith() {
    Caller limited = new Caller("k1", "acme", Role.CLIENT, Set.of(CacheControl.MAX_AGE));
    assertThat(CacheHeaders.read("max-age=5", null, Optional.of(limited), STORE_TTL).maxAge())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> CacheHeaders.read("no-cache", null, Optional.of(limited), STORE_TTL))
        .isInstanceOfSatisfying(StepCacheException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CACHE_CONTROL_REFUSED)).hasMessageContaining("no-cache");
    assertThatThrownBy(() -> CacheHeaders.read(null, "60", Optional.of(limited), STORE_TTL))
        .isInstanceOfSatisfying(StepCacheException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CACHE_CONTROL_REFUSED)).hasMessageContaining("ttl");
  }
}
