package io.stepcache.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.time.VirtualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerAuthenticatorTest {

  @TempDir Path dir;
  private final VirtualClock clock = new VirtualClock();

  @Test
  void aBearerKeyIsTheCallerAndNoHeaderIsAnonymous() {
    ApiKeys keys = ApiKeys.inFile(dir.resolve("k.json"));
    IssuedKey k = keys.issue("t", Role.CLIENT, "");
    BearerAuthenticator auth = new BearerAuthenticator(keys, AuthThrottle.backoff(ThrottlePolicy.defaults(), clock));

    assertThat(auth.authenticate("1.2.3.4", "Bearer " + k.key())).map(Caller::tenant).contains("t");
    assertThat(auth.authenticate("1.2.3.4", "bearer  " + k.key() + " ")).isPresent();
    assertThat(auth.authenticate("1.2.3.4", null)).isEmpty();
    assertThatThrownBy(() -> auth.authenticate("1.2.3.4", "Basic YWRtaW46c3RlcGNhY2hlLWFkbWlu"))
        .isInstanceOfSatisfying(AccessRefusal.class,
            r -> assertThat(r.reason()).isEqualTo(AccessRefusal.Reason.UNAUTHENTICATED))
        .hasMessageContaining("Bearer");
  }

  @Test
  void guessingLocksTheSourceAndTheKeyIdEvenForTheRightKeyUntilTheLockEnds() {
    ApiKeys keys = ApiKeys.inFile(dir.resolve("k.json"));
    IssuedKey admin = keys.issue("default", Role.ADMIN, "");
    BearerAuthenticator auth = new BearerAuthenticator(keys,
        AuthThrottle.backoff(ThrottlePolicy.defaults().withLockFor(Duration.ofSeconds(30)), clock));
    String wrong = admin.key().substring(0, admin.key().length() - 2) + "zz";
    int throttled = 0;
    for (int i = 0; i < 20; i++) {
      try {
        auth.authenticate("6.6.6.6", "Bearer " + wrong);
      } catch (AccessRefusal r) {
        throttled += r.reason() == AccessRefusal.Reason.THROTTLED ? 1 : 0;
      }
    }
    assertThat(throttled).isEqualTo(14); // 5 free, the 6th sets the first delay, all later ones are refused unchecked

    assertThatThrownBy(() -> auth.authenticate("7.7.7.7", "Bearer " + admin.key()))
        .as("the right key during the lock, from elsewhere")
        .isInstanceOfSatisfying(AccessRefusal.class, r -> {
          assertThat(r.reason()).isEqualTo(AccessRefusal.Reason.THROTTLED);
          assertThat(r.retryAfter()).contains(Duration.ofSeconds(30));
        });
    clock.sleep(Duration.ofSeconds(30));
    assertThat(auth.authenticate("7.7.7.7", "Bearer " + admin.key())).isPresent();
  }
}
