package io.stepcache.packs.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.SpiVersion;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.RuleResource;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The contract: found by ServiceLoader, every part built from the context, rules well-formed. */
class UnitConvertTaskPackTest {

  private static TaskPack found() {
    List<TaskPack> packs = ServiceLoader.load(TaskPack.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(packs).singleElement().isInstanceOf(UnitConvertTaskPack.class);
    return packs.get(0);
  }

  private static PackParts parts(Map<String, String> settings) {
    return found().parts(PackContext.of(settings));
  }

  @Test
  void descriptorNamesThePackItsMavenVersionAndTheSpiRange() {
    TaskPack pack = found();
    assertThat(pack.descriptor().id()).isEqualTo("unit-convert");
    assertThat(pack.descriptor().version()).isEqualTo(System.getProperty("project.version", pack.descriptor().version()))
        .isNotEqualTo("0.0.0");
    assertThat(SpiVersion.satisfies(SpiVersion.CURRENT, pack.descriptor().requiresSpi())).isTrue();
  }

  @Test
  void everyContributionIsPresent() {
    TaskPack pack = found();
    PackParts parts = pack.parts(PackContext.of(Map.of()));
    assertThat(parts.detector()).isNotNull();
    assertThat(parts.analyser()).isNotNull();
    assertThat(parts.segmenter()).isNotNull();
    assertThat(parts.rebinder()).isNotNull();
    assertThat(parts.facts()).isNotNull();
    assertThat(parts.prompts()).isNotNull();
    assertThat(parts.stitcher()).isNotNull();
    assertThat(parts.oracle()).isPresent();
    assertThat(parts.repairStrategies()).extracting(RepairStrategy::name)
        .containsExactly("unit-model-correction", "unit-recompute");
    assertThat(pack.rules()).extracting(RuleResource::name).containsExactly("steps.drl", "output.drl", "guard.drl");
    assertThat(pack.rules()).allSatisfy(r -> assertThat(r.drl())
        .contains("package stepcache.unitconvert;").contains("global io.stepcache.spi.verify.Verdicts verdicts;"));
  }

  @Test
  void unitsCanBeAddedInSettingsAndABadOneFailsTheStart() {
    TaskRequest nmi = TaskRequest.of("Convert 3 nmi to km");
    assertThat(parts(Map.of("unit.nmi", "length 1852 nauticalmile nauticalmiles")).detector().claim(nmi)).isPositive();
    assertThat(parts(Map.of()).detector().claim(nmi)).isZero(); // the same pack, another context
    assertThatThrownBy(() -> parts(Map.of("unit.furlong", "length lots")))
        .hasMessageContaining("setting stepcache.pack.unit-convert.unit. furlong")
        .hasMessageContaining("must be a positive decimal or fraction");
  }
}
