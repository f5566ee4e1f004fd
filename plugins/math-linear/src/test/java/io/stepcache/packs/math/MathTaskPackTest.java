package io.stepcache.packs.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.packs.math.rebind.ExpressionRebinder;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.SpiVersion;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.verify.RuleResource;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MathTaskPackTest {

  private static TaskPack loaded() {
    List<TaskPack> packs = ServiceLoader.load(TaskPack.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(packs).hasSize(1);
    return packs.get(0);
  }

  @Test
  void serviceLoaderFindsThePack() {
    TaskPack pack = loaded();
    assertThat(pack).isInstanceOf(MathTaskPack.class);
    assertThat(pack.descriptor().id()).isEqualTo("math-linear");
    assertThat(pack.descriptor().version()).isEqualTo("1.0.0");
    assertThat(SpiVersion.satisfies(SpiVersion.CURRENT, pack.descriptor().requiresSpi())).isTrue();
  }

  @Test
  void everyPartIsBuiltFromTheContext() {
    PackParts parts = loaded().parts(PackContext.of(Map.of()));
    assertThat(parts.detector()).isNotNull();
    assertThat(parts.analyser()).isNotNull();
    assertThat(parts.segmenter()).isNotNull();
    assertThat(parts.rebinder()).isInstanceOf(ExpressionRebinder.class);
    assertThat(parts.facts()).isNotNull();
    assertThat(parts.prompts()).isNotNull();
    assertThat(parts.stitcher()).isNotNull();
    assertThat(parts.oracle()).isPresent();
    assertThat(parts.repairStrategies()).extracting(s -> s.name()).containsExactly("continuation");
  }

  @Test
  void thePackIsStatelessEachContextGetsItsOwnParts() {
    TaskPack pack = new MathTaskPack();
    PackParts solverOnly = pack.parts(PackContext.of(Map.of("repair.maxAttempts", "0")));
    PackParts defaults = pack.parts(PackContext.of(Map.of()));
    assertThat(solverOnly.repairStrategies().get(0)).isNotSameAs(defaults.repairStrategies().get(0));
    assertThat(pack).isInstanceOf(io.stepcache.spi.PartsTaskPack.class);
    assertThat(MathTaskPack.class.getDeclaredFields()).allMatch(f -> java.lang.reflect.Modifier.isStatic(f.getModifiers()));
  }

  @Test
  void rulesAreThreeDrlFilesOfOnePackageWithTheVerdictsGlobal() {
    List<RuleResource> rules = loaded().rules();
    assertThat(rules).extracting(RuleResource::name).containsExactly("steps.drl", "output.drl", "guard.drl");
    assertThat(rules).allSatisfy(r -> {
      assertThat(r.drl()).startsWith("package stepcache.mathlinear;");
      assertThat(r.drl()).contains("global io.stepcache.spi.verify.Verdicts verdicts;");
    });
  }

  @Test
  void badRepairSettingRejectsThePack() {
    TaskPack pack = new MathTaskPack();
    assertThatThrownBy(() -> pack.parts(PackContext.of(Map.of("repair.maxAttempts", "-1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repair.maxAttempts");
    assertThatThrownBy(() -> pack.parts(PackContext.of(Map.of("repair.maxAttempts", "two"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("repair.maxAttempts");
  }
}
