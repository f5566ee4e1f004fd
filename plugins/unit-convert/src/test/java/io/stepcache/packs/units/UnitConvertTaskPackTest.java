package io.stepcache.packs.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.spi.PackContext;
import io.stepcache.spi.SpiVersion;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.RuleResource;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The contract: found by ServiceLoader, every contribution present after start, rules well-formed. */
class UnitConvertTaskPackTest {

  private static TaskPack started(Map<String, String> settings) {
    List<TaskPack> packs = ServiceLoader.load(TaskPack.class).stream().map(ServiceLoader.Provider::get).toList();
    assertThat(packs).singleElement().isInstanceOf(UnitConvertTaskPack.class);
    TaskPack pack = packs.get(0);
    pack.start(PackContext.of(settings));
    return pack;
  }

  @Test
  void descriptorNamesThePackItsMavenVersionAndTheSpiRange() {
    TaskPack pack = started(Map.of());
    assertThat(pack.descriptor().id()).isEqualTo("unit-convert");
    assertThat(pack.descriptor().version()).isEqualTo(System.getProperty("project.version", pack.descriptor().version()))
        .isNotEqualTo("0.0.0");
    assertThat(SpiVersion.satisfies(SpiVersion.CURRENT, pack.descriptor().requiresSpi())).isTrue();
  }

  @Test
  void everyContributionIsPresent() {
    TaskPack pack = started(Map.of());
    assertThat(pack.detector()).isNotNull();
    assertThat(pack.analyser()).isNotNull();
    assertThat(pack.segmenter()).isNotNull();
    assertThat(pack.rebinder()).isNotNull();
    assertThat(pack.facts()).isNotNull();
    assertThat(pack.prompts()).isNotNull();
    assertThat(pack.stitcher()).isNotNull();
    assertThat(pack.oracle()).isPresent();
    assertThat(pack.repairStrategies()).extracting(RepairStrategy::name)
        .containsExactly("unit-model-correction", "unit-recompute");
    assertThat(pack.rules()).extracting(RuleResource::name).containsExactly("steps.drl", "output.drl", "guard.drl");
    assertThat(pack.rules()).allSatisfy(r -> assertThat(r.drl())
        .contains("package stepcache.unitconvert;").contains("global io.stepcache.spi.verify.Verdicts verdicts;"));
  }

  @Test
  void unitsCanBeAddedInSettingsAndABadOneFailsTheStart() {
    TaskPack pack = started(Map.of("unit.nmi", "length 1852 nauticalmile nauticalmiles"));
    assertThat(pack.detector().claim(io.stepcache.spi.TaskRequest.of("Convert 3 nmi to km"))).isPositive();
    assertThatThrownBy(() -> started(Map.of("unit.furlong", "length lots")))
        .hasMessageContaining("setting stepcache.pack.unit-convert.unit. furlong")
        .hasMessageContaining("must be a positive decimal or fraction");
  }
}
