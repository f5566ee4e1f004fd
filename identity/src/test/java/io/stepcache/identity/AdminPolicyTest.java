package io.stepcache.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminPolicyTest {

  private static final Optional<Caller> ADMIN = Optional.of(new Caller("aaaaaaaaaaaa", "default", Role.ADMIN));
  private static final Optional<Caller> CLIENT = Optional.of(new Caller("cccccccccccc", "t", Role.CLIENT));

  @Test
  void onlyAdminKeysAndWithHttpsOnlyOnlyOverHttps() {
    AdminPolicy anyTransport = new AdminPolicy(false);
    assertThatCode(() -> anyTransport.check(ADMIN, false)).doesNotThrowAnyException();
    assertThatThrownBy(() -> anyTransport.check(Optional.empty(), true)).isInstanceOfSatisfying(AccessRefusal.class,
        r -> org.assertj.core.api.Assertions.assertThat(r.reason()).isEqualTo(AccessRefusal.Reason.UNAUTHENTICATED));
    assertThatThrownBy(() -> anyTransport.check(CLIENT, true)).hasMessageContaining("needs role 'admin'");

    AdminPolicy httpsOnly = new AdminPolicy(true);
    assertThatCode(() -> httpsOnly.check(ADMIN, true)).doesNotThrowAnyException();
    assertThatThrownBy(() -> httpsOnly.check(ADMIN, false)).isInstanceOfSatisfying(AccessRefusal.class,
        r -> org.assertj.core.api.Assertions.assertThat(r.reason()).isEqualTo(AccessRefusal.Reason.FORBIDDEN))
        .hasMessageContaining("HTTPS only");
  }
}
