package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.Signature;
import io.stepcache.spi.SpiVersion;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.VerificationStrength;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Contract smoke test: the pack is found through ServiceLoader and every contribution works. */
class JsonTaskPackTest {

  private static TaskPack loadPack() {
    return ServiceLoader.load(TaskPack.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.descriptor().id().equals("json"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void isFoundThroughServiceLoaderWithItsDescriptor() {
    TaskPack pack = loadPack();
    assertThat(pack).isInstanceOf(JsonTaskPack.class);
    assertThat(pack.descriptor().version()).isEqualTo("1.2.0");
    assertThat(pack.verificationStrength()).isEqualTo(VerificationStrength.GROUNDED);
    assertThat(SpiVersion.satisfies(SpiVersion.CURRENT, pack.descriptor().requiresSpi())).isTrue();
  }

  @Test
  void roundTripThroughEveryContribution() {
    TaskPack pack = loadPack();
    PackParts parts = pack.parts(PackContext.of(Map.of()));
    TaskRequest request = TaskRequest.of("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"");

    assertThat(parts.detector().claim(request)).isPositive();
    Signature signature = parts.analyser().analyse(request);
    String prompt = parts.prompts().fullPrompt(request);
    String answer = parts.oracle().orElseThrow().answer(prompt).orElseThrow();
    List<String> steps = parts.segmenter().segment(answer, request);
    assertThat(steps).containsExactly("\"name\": \"Alice Smith\"", "\"age\": 31");

    List<String> rebound = steps.stream()
        .map(s -> parts.rebinder().instantiate(parts.rebinder().abstractStep(s, signature), signature))
        .toList();
    assertThat(rebound).isEqualTo(steps);
    assertThat(parts.stitcher().answerJson(steps, request, signature)).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31}");
    String stitched = parts.stitcher().stitch(steps, request);
    assertThat(stitched).isEqualTo(answer);
    assertThat(parts.facts().verificationFacts(request, signature, steps, stitched, null)).isNotEmpty();
    assertThat(pack.rules()).extracting(RuleResource::name).containsExactly("extraction.drl", "guard.drl");
    assertThat(pack.rules()).allSatisfy(r -> assertThat(r.drl()).contains("global io.stepcache.spi.verify.Verdicts verdicts;"));
    assertThat(parts.repairStrategies()).extracting(s -> s.name())
        .containsExactly("json-focused-repair", "json-fresh-generation", "json-focused-repair-after-fresh");
  }
}
