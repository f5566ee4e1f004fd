package io.stepcache.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.time.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffThrottleTest {

  private final VirtualClock clock = new VirtualClock();
  private final AuthThrottle throttle = AuthThrottle.backoff(ThrottlePolicy.defaults(), clock);

  @Test
  void freeFailuresThenDoublingDelays() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.admit("10.0.0.1", "k1")).isEmpty();
      throttle.failed("10.0.0.1", "k1");
    }
    assertThat(throttle.admit("10.0.0.1", "k1")).isEmpty();
    throttle.failed("10.0.0.1", "k1"); // the 6th failure: 1 s
    clock.sleep(Duration.ofMillis(500));
    assertThat(throttle.admit("10.0.0.1", "k1")).as("refused during the delay, and counted: the 7th, 2 s")
        .hasValueSatisfying(r -> {
          assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(2));
          assertThat(r.locked()).isFalse();
        });
    clock.sleep(Duration.ofSeconds(2));
    assertThat(throttle.admit("10.0.0.1", "k1")).isEmpty();
    throttle.failed("10.0.0.1", "k1"); // 8th: 4 s
    assertThat(throttle.admit("10.0.0.2", "k1")).as("the user's counter, from another source: the 9th, 8 s")
        .hasValueSatisfying(r -> {
          assertThat(r.subject()).isEqualTo("user");
          assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(8));
        });
    assertThat(throttle.admit("10.0.0.3", "k2")).as("another user from another source").isEmpty();
  }

  @Test
  void twentyRapidFailuresLockEvenTheRightCredentialUntilTheLockEnds() {
    for (int i = 0; i < 20; i++) {
      if (throttle.admit("10.0.0.1", "admin").isEmpty()) {
        throttle.failed("10.0.0.1", "admin");
      }
    }
    assertThat(throttle.admit("10.0.0.9", "admin")).hasValueSatisfying(r -> {
      assertThat(r.locked()).isTrue();
      assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(15));
    });
    clock.sleep(Duration.ofMinutes(14));
    assertThat(throttle.admit("10.0.0.9", "admin")).as("still locked, not extended").hasValueSatisfying(
        r -> assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(1)));
    clock.sleep(Duration.ofMinutes(1));
    assertThat(throttle.admit("10.0.0.9", "admin")).isEmpty();
    assertThat(throttle.admit("10.0.0.1", null)).as("the source's lock ended too").isEmpty();
  }

  @Test
  void successForgetsTheUserAndOldFailuresAreForgotten() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("s", "u");
    }
    throttle.succeeded("s", "u");
    throttle.failed("other", "u");
    assertThat(throttle.admit("other", "u")).isEmpty();
    throttle.failed("s", "x"); // the source's 6th failure: 1 s delay
    assertThat(throttle.admit("s", "y")).isPresent();
    clock.sleep(Duration.ofMinutes(16));
    assertThat(throttle.admit("s", "y")).isEmpty();
  }

  @Test
  void memoryIsBounded() {
    AuthThrottle small = AuthThrottle.backoff(
        new ThrottlePolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1), 5, Duration.ofMinutes(1), 10), clock);
    small.failed("first", null);
    assertThat(small.admit("first", null)).isPresent();
    for (int i = 0; i < 20; i++) {
      small.failed("s" + i, null);
    }
    assertThat(small.admit("first", null)).as("forgotten: least recently failed").isEmpty();
  }
}
