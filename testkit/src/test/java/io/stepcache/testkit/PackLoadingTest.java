package io.stepcache.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.packhost.PackLoader;
import io.stepcache.rules.DroolsRuleEngine;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackSetting;
import io.stepcache.testkit.countdown.CountdownPack;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Packs that cannot work are rejected with PACK_REJECTED and a reason; good ones load. */
class PackLoadingTest {

  private final PackLoader loader = new PackLoader(new DroolsRuleEngine(), Map.of());
  private final ClassLoader cl = getClass().getClassLoader();

  @Test
  void aGoodPackLoadsWithAKeyCarryingIdVersionAndRulesHash() {
    LoadedPack p = loader.load(new CountdownPack(), cl);
    assertThat(p.packKey()).matches("countdown@1\\.0\\.0#[0-9a-f]{16}");
    assertThat(p.info().rulesHash()).hasSize(64).startsWith(p.packKey().substring(p.packKey().indexOf('#') + 1));
  }

  @Test
  void anSpiRangeThatExcludesThisServerIsRejected() {
    CountdownPack future =
        new CountdownPack() {
          @Override
          public PackDescriptor descriptor() {
            return new PackDescriptor("countdown", "2.0.0", "from the future", "[2.0,3.0)");
          }
        };
    assertRejected(() -> loader.load(future, cl), "requires SPI [2.0,3.0)");
  }

  @Test
  void aPackThatThrowsAtStartIsRejected() {
    CountdownPack broken =
        new CountdownPack() {
          @Override
          public void start(PackContext context) {
            throw new IllegalStateException("no licence file");
          }
        };
    assertRejected(() -> loader.load(broken, cl), "no licence file");
  }

  @Test
  void aDuplicateIdIsRejectedAndTheFirstStays() {
    try (PackRegistry registry = new PackRegistry()) {
      LoadedPack first = loader.load(new CountdownPack(), cl);
      registry.register(first);
      assertRejected(() -> registry.register(loader.load(new CountdownPack(), cl)), "already loaded");
      assertThat(registry.byId("countdown")).isSameAs(first);
    }
  }

  @Test
  void packSettingsReachThePack() {
    int[] seen = new int[1];
    CountdownPack configured =
        new CountdownPack() {
          @Override
          public void start(PackContext context) {
            seen[0] = context.intConfig("repair.maxAttempts", 2);
          }
        };
    new PackLoader(new DroolsRuleEngine(), Map.of("countdown", Map.of("repair.maxAttempts", "5"))).load(configured, cl);
    assertThat(seen[0]).isEqualTo(5);
  }

  /** A countdown pack that declares one integer setting with a default and one family of strings. */
  private static final class DeclaringPack extends CountdownPack {
    final Map<String, String> seen = new java.util.HashMap<>();

    @Override
    public java.util.Optional<java.util.List<PackSetting>> settings() {
      return java.util.Optional.of(java.util.List.of(
          new PackSetting("repair.maxAttempts", PackSetting.Type.INTEGER, "2", "calls per repair"),
          new PackSetting("alias.", PackSetting.Type.STRING, null, "extra names")));
    }

    @Override
    public void start(PackContext context) {
      seen.putAll(context.config());
    }
  }

  private static PackLoader configured(Map<String, String> settings) {
    return new PackLoader(new DroolsRuleEngine(), Map.of("countdown", settings));
  }

  @Test
  void declaredSettingsGetTheirDefaultsAndFamiliesAcceptEveryMember() {
    DeclaringPack pack = new DeclaringPack();
    configured(Map.of("alias.tally", "count", "alias.tick", "count")).load(pack, cl);
    assertThat(pack.seen).containsEntry("repair.maxAttempts", "2").containsEntry("alias.tally", "count")
        .containsEntry("alias.tick", "count");
  }

  @Test
  void aSettingThePackDoesNotDeclareRejectsItByName() {
    assertRejected(() -> configured(Map.of("repair.maxAtempts", "3")).load(new DeclaringPack(), cl),
        "setting stepcache.pack.countdown.repair.maxAtempts is not one it accepts; it accepts [repair.maxAttempts, alias.]");
    assertRejected(() -> configured(Map.of("alias.", "x")).load(new DeclaringPack(), cl), "alias. is not one it accepts");
  }

  @Test
  void aBadlyTypedSettingRejectsThePack() {
    assertRejected(() -> configured(Map.of("repair.maxAttempts", "two")).load(new DeclaringPack(), cl),
        "setting stepcache.pack.countdown.repair.maxAttempts must be an integer, got 'two'");
  }

  @Test
  void aPackThatDeclaresNothingGetsWhatIsConfigured() {
    int[] seen = new int[1];
    CountdownPack old = new CountdownPack() {
      @Override
      public void start(PackContext context) {
        seen[0] = context.config().size();
      }
    };
    configured(Map.of("anything", "goes")).load(old, cl);
    assertThat(seen[0]).isEqualTo(1);
  }

  @Test
  void aSettingDeclarationIsCheckedItself() {
    assertThatThrownBy(() -> new PackSetting("n", PackSetting.Type.BOOLEAN, "yes", "d"))
        .hasMessageContaining("default of pack setting 'n' is no boolean");
    assertThatThrownBy(() -> new PackSetting("bad name", PackSetting.Type.STRING, null, "d"))
        .hasMessageContaining("must match");
    assertThat(new PackSetting("x", PackSetting.Type.DECIMAL, null, "d").problem("1.5")).isEmpty();
    assertThat(new PackSetting("x", PackSetting.Type.INTEGER, null, "d").problem("99999999999")).isPresent();
  }

  private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
    assertThatThrownBy(call)
        .isInstanceOf(StepCacheException.class)
        .hasMessageContaining(reason)
        .satisfies(e -> assertThat(((StepCacheException) e).code()).isEqualTo(ErrorCode.PACK_REJECTED));
  }
}
