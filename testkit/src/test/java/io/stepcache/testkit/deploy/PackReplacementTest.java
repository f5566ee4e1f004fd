package io.stepcache.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.RequestPath;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackState;
import io.stepcache.engine.store.CacheEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing or removing a pack invalidates exactly its cached steps (the pack key carries id,
 * version and rules hash) and closes the old pack once it is idle; other packs' entries stay.
 */
class PackReplacementTest {

  @TempDir Path tmp;

  @Test
  void aNewVersionServesNewRequestsAndOnlyTheOldVersionsEntriesAreInvalidated() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      d.manager.deploy(d.write("v1.jar", Deployment.jar("id=doubling", "version=1.0.0")));
      LoadedPack v1 = d.live("doubling");
      d.complete("a", "doubling", "Double 21");
      d.complete("b", "doubling", "Double 5");
      d.complete("a", "countdown", "Count down from 3");
      d.complete("b", "countdown", "Count up to 4");
      assertThat(keys(d)).filteredOn(k -> k.equals(v1.packKey())).hasSize(2);
      long countdownEntries = keys(d).stream().filter(k -> k.startsWith("countdown@")).count();
      assertThat(countdownEntries).isEqualTo(2);

      d.manager.replace(d.write("v2.jar", Deployment.jar("id=doubling", "version=2.0.0")));
      LoadedPack v2 = d.live("doubling");
      assertThat(v2.descriptor().version()).isEqualTo("2.0.0");
      assertThat(v2.packKey()).isNotEqualTo(v1.packKey());
      d.awaitRetirements();

      assertThat(v1.state()).isEqualTo(PackState.STOPPED);
      assertThat(keys(d)).doesNotContain(v1.packKey());
      assertThat(keys(d).stream().filter(k -> k.startsWith("countdown@")).count()).isEqualTo(countdownEntries);
      assertThat(d.complete("a", "countdown", "Count down from 3").path()).isEqualTo(RequestPath.REUSE);

      // the old answers are gone: the same request is a MISS, stored under the new key
      assertThat(d.complete("a", "doubling", "Double 21").path()).isEqualTo(RequestPath.MISS);
      assertThat(keys(d)).contains(v2.packKey());
      assertThat(d.complete("a", "doubling", "Double 21").path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void newRulesAloneChangeThePackKeyAndInvalidate() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      d.manager.deploy(d.write("a.jar", Deployment.jar("id=doubling")));
      LoadedPack before = d.live("doubling");
      d.complete("a", "doubling", "Double 21");
      d.manager.replace(d.write("b.jar", Deployment.jar("id=doubling", "rules=rules.drl,extra.drl")
          .resource("jarpack/extra.drl", "package stepcache.jarpack;\n// a second rule file, no rules yet\n")));
      d.awaitRetirements();
      assertThat(d.live("doubling").packKey()).startsWith("doubling@1.0.0#").isNotEqualTo(before.packKey());
      assertThat(keys(d)).doesNotContain(before.packKey());
    }
  }

  @Test
  void theSameIdVersionAndRulesKeepTheirCachedSteps() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      Path jar = d.write("a.jar", Deployment.jar("id=doubling"));
      d.manager.deploy(jar);
      LoadedPack first = d.live("doubling");
      d.complete("a", "doubling", "Double 21");
      d.manager.replace(jar);
      d.awaitRetirements();
      assertThat(first.state()).isEqualTo(PackState.STOPPED);
      assertThat(d.live("doubling")).isNotSameAs(first);
      assertThat(d.complete("a", "doubling", "Double 21").path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void removingAPackInvalidatesItsEntriesAndItsTaskBecomesUnknown() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      d.manager.deploy(d.write("a.jar", Deployment.jar("id=doubling")));
      LoadedPack p = d.live("doubling");
      d.complete("a", "doubling", "Double 21");
      d.complete("a", "countdown", "Count down from 3");
      d.manager.undeploy("doubling");
      d.awaitRetirements();
      assertThat(p.state()).isEqualTo(PackState.STOPPED);
      assertThat(keys(d)).containsExactly(d.live("countdown").packKey());
      assertThatThrownBy(() -> d.complete("a", "doubling", "Double 21"))
          .isInstanceOf(StepCacheException.class)
          .satisfies(e -> assertThat(((StepCacheException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TASK));
      assertThatThrownBy(() -> d.manager.undeploy("doubling"))
          .isInstanceOf(StepCacheException.class)
          .hasMessageContaining("No task pack 'doubling' is loaded");
      // detection no longer offers it either
      assertThatThrownBy(() -> d.complete("a", null, "Double 21"))
          .satisfies(e -> assertThat(((StepCacheException) e).code()).isEqualTo(ErrorCode.TASK_NOT_DETECTED));
    }
  }

  @Test
  void aBuiltInPackCanBeReplacedByAJar() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      LoadedPack builtIn = d.live("countdown");
      d.manager.upload(d.write("c.jar", Deployment.jar("id=countdown", "version=2.0.0")), "countdown");
      d.awaitRetirements();
      assertThat(builtIn.state()).isEqualTo(PackState.STOPPED);
      assertThat(d.live("countdown").source()).isEqualTo("countdown.jar");
      assertThat(d.packsDir.resolve("countdown.jar")).exists();
    }
  }

  @Test
  void aReplacementMustHoldThePackItReplaces() {
    try (Deployment d = new Deployment(tmp)) {
      d.manager.deploy(d.write("a.jar", Deployment.jar("id=doubling")));
      assertThatThrownBy(() -> d.manager.upload(d.write("b.jar", Deployment.jar("id=tripling")), "doubling"))
          .hasMessageContaining("the uploaded jar holds pack 'tripling', not 'doubling'");
      assertThat(d.live("doubling").descriptor().id()).isEqualTo("doubling");
      assertThat(d.registry.packs()).hasSize(2);
    }
  }

  private static List<String> keys(Deployment d) {
    List<String> out = new ArrayList<>();
    d.store.forEach((CacheEntry e) -> out.add(e.key().packKey()));
    return out;
  }
}
