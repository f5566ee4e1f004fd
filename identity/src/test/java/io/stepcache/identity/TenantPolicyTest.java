package io.stepcache.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TenantPolicyTest {

  private static final Optional<Caller> A = Optional.of(new Caller("aaaaaaaaaaaa", "tenant-a", Role.CLIENT));
  private static final Optional<Caller> GW = Optional.of(new Caller("gggggggggggg", "gw", Role.GATEWAY));
  private final TenantPolicy production = new TenantPolicy(SecurityMode.PRODUCTION, false);

  @Test
  void theTenantComesFromTheKeyAndAnotherTenantIsRefused() {
    assertThat(production.tenantOf(A, null)).isEqualTo("tenant-a");
    assertThat(production.tenantOf(A, " tenant-a ")).isEqualTo("tenant-a");
    assertThat(production.tenantOf(A, "")).isEqualTo("tenant-a");
    assertThatThrownBy(() -> production.tenantOf(A, "tenant-b")).isInstanceOfSatisfying(AccessRefusal.class,
        r -> assertThat(r.reason()).isEqualTo(AccessRefusal.Reason.FORBIDDEN)).hasMessageContaining("tenant-b");
    assertThatThrownBy(() -> production.tenantOf(A, "default")).isInstanceOf(AccessRefusal.class);
  }

  @Test
  void anonymousCallsAreRefusedInProductionAndKeptOnTheDefaultTenantInDev() {
    assertThatThrownBy(() -> production.tenantOf(Optional.empty(), null)).isInstanceOfSatisfying(
        AccessRefusal.class, r -> assertThat(r.reason()).isEqualTo(AccessRefusal.Reason.UNAUTHENTICATED));
    TenantPolicy dev = new TenantPolicy(SecurityMode.DEV, false);
    assertThat(dev.tenantOf(Optional.empty(), null)).isEqualTo("default");
    assertThat(dev.tenantOf(Optional.empty(), "default")).isEqualTo("default");
    assertThatThrownBy(() -> dev.tenantOf(Optional.empty(), "tenant-a")).isInstanceOfSatisfying(
        AccessRefusal.class, r -> assertThat(r.reason()).isEqualTo(AccessRefusal.Reason.FORBIDDEN));
  }

  @Test
  void onlyAGatewayKeyInTrustedGatewayModeNamesTheTenant() {
    TenantPolicy gateway = new TenantPolicy(SecurityMode.PRODUCTION, true);
    assertThat(gateway.tenantOf(GW, "tenant-b")).isEqualTo("tenant-b");
    assertThat(gateway.tenantOf(GW, null)).isEqualTo("gw");
    assertThat(gateway.userFieldIsTenant(GW)).isTrue();
    assertThatThrownBy(() -> gateway.tenantOf(A, "tenant-b")).isInstanceOf(AccessRefusal.class);
    assertThat(gateway.userFieldIsTenant(A)).isFalse();
    assertThatThrownBy(() -> production.tenantOf(GW, "tenant-b")).hasMessageContaining("trusted-gateway");
    assertThat(production.userFieldIsTenant(GW)).isFalse();
  }
}
