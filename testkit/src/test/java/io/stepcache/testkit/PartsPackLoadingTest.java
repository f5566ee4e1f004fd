package io.stepcache.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.packhost.PackLoader;
import io.stepcache.rules.DroolsRuleEngine;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PartsTaskPack;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.testkit.countdown.CountdownPack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A pack that builds its parts from the context (SPI 1.1), loaded and served like any other. */
class PartsPackLoadingTest {

  private final ClassLoader cl = getClass().getClassLoader();

  /** The countdown pack's parts, built from the context instead of set in start. */
  private static final class CountdownFromContext implements PartsTaskPack {
    private final CountdownPack legacy = new CountdownPack();
    final AtomicReference<Map<String, String>> seen = new AtomicReference<>();
    final AtomicInteger builds = new AtomicInteger();
    final AtomicInteger releases = new AtomicInteger();
    List<RuleResource> rules = legacy.rules();

    @Override
    public PackDescriptor descriptor() {
      return legacy.descriptor();
    }

    @Override
    public List<RuleResource> rules() {
      return rules;
    }

    @Override
    public PackParts parts(PackContext context) {
      builds.incrementAndGet();
      seen.set(context.config());
      if (context.config().containsKey("broken")) {
        throw new IllegalStateException("the tally file is missing");
      }
      return PackParts.builder()
          .detector(legacy.detector()).analyser(legacy.analyser()).segmenter(legacy.segmenter())
          .facts(legacy.facts()).repairStrategies(legacy.repairStrategies()).prompts(legacy.prompts())
          .stitcher(legacy.stitcher()).oracle(legacy.oracle().orElseThrow())
          .onClose(releases::incrementAndGet)
          .build();
    }
  }

  @Test
  void itsPartsAreBuiltOnceFromItsSettingsAndServe() {
    CountdownFromContext pack = new CountdownFromContext();
    LoadedPack loaded = new PackLoader(new DroolsRuleEngine(), Map.of("countdown", Map.of("tally", "on"))).load(pack, cl);
    assertThat(pack.builds).hasValue(1);
    assertThat(pack.seen.get()).containsEntry("tally", "on");
    assertThat(loaded.oracle()).isPresent();
    loaded.close();
    assertThat(pack.releases).hasValue(1);

    try (PackTestKit kit = PackTestKit.forPack(new CountdownFromContext()).build()) {
      assertThat(kit.complete(CompletionRequest.of("Count down from 3", "countdown")).path()).isEqualTo(RequestPath.MISS);
      assertThat(kit.complete(CompletionRequest.of("Count down from 3", "countdown")).path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void partsThatCannotBeBuiltRejectThePack() {
    PackLoader loader = new PackLoader(new DroolsRuleEngine(), Map.of("countdown", Map.of("broken", "yes")));
    assertThatThrownBy(() -> loader.load(new CountdownFromContext(), cl))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PACK_REJECTED))
        .hasMessageContaining("failed to start").hasMessageContaining("the tally file is missing");
  }

  @Test
  void rulesThatDoNotCompileRejectThePackBeforeItsPartsAreBuilt() {
    CountdownFromContext pack = new CountdownFromContext();
    pack.rules = List.of(new RuleResource("broken.drl", "package x;\nrule \"r\" when NoSuchFact() then end\n"));
    assertThatThrownBy(() -> new PackLoader(new DroolsRuleEngine(), Map.of()).load(pack, cl))
        .isInstanceOf(StepCacheException.class).hasMessageContaining("rules do not compile");
    assertThat(pack.builds).hasValue(0);
  }
}
