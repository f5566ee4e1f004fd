package io.stepcache.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.bench.workload.Truth.JsonTruth;
import io.stepcache.bench.workload.Truth.MathTruth;
import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  private final Generator generator = Generator.paper();

  @Test
  void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
    Workload a = generator.generate(42);
    Workload b = generator.generate(42);
    Workload c = generator.generate(43);
    assertThat(a.requests()).isEqualTo(b.requests());
    assertThat(prompts(a)).isNotEqualTo(prompts(c));
    assertThat(new HashSet<>(prompts(a))).doesNotContainAnyElementsOf(prompts(c).subList(0, 5));
  }

  @Test
  void thePaperDesignTenBasesPerFamilyThreeVariantsPerPerturbation() {
    for (long seed : List.of(42L, 43L, 44L)) {
      Workload w = generator.generate(seed);
      Map<Family, Map<Perturbation, Long>> mix = w.requests().stream().collect(Collectors.groupingBy(
          BenchRequest::family, Collectors.groupingBy(BenchRequest::perturbation, Collectors.counting())));
      assertThat(mix.get(Family.MATH_LINEAR)).containsEntry(Perturbation.BASE, 10L)
          .containsEntry(Perturbation.CONSTANTS, 30L).containsEntry(Perturbation.VARIABLE, 30L)
          .containsEntry(Perturbation.WORDING, 30L).containsEntry(Perturbation.SEMANTIC, 30L)
          .doesNotContainKey(Perturbation.SCHEMA);
      assertThat(mix.get(Family.JSON_EXTRACTION)).containsEntry(Perturbation.BASE, 10L)
          .containsEntry(Perturbation.CONSTANTS, 30L).containsEntry(Perturbation.VARIABLE, 30L)
          .containsEntry(Perturbation.SCHEMA, 30L).containsEntry(Perturbation.WORDING, 30L)
          .containsEntry(Perturbation.SEMANTIC, 30L);
      assertThat(w.size()).isEqualTo(290);
    }
  }

  @Test
  void eachBaseComesFirstThenItsPerturbations() {
    Workload w = generator.generate(42);
    List<BenchRequest> r = w.requests();
    for (int i = 0; i < r.size(); i++) {
      assertThat(r.get(i).index()).isEqualTo(i);
      if (i == 0 || r.get(i).baseId() != r.get(i - 1).baseId() || r.get(i).family() != r.get(i - 1).family()) {
        assertThat(r.get(i).perturbation()).as(r.get(i).label()).isEqualTo(Perturbation.BASE);
      } else {
        assertThat(r.get(i).perturbation()).as(r.get(i).label()).isNotEqualTo(Perturbation.BASE);
      }
    }
  }

  @Test
  void phrasingVariesAndWordingChangesOnlyTheWords() {
    Workload w = generator.generate(42);
    Set<String> mathOpenings = w.requests().stream().filter(r -> r.family() == Family.MATH_LINEAR)
        .map(r -> r.prompt().split(" ")[0]).collect(Collectors.toSet());
    Set<String> jsonOpenings = w.requests().stream().filter(r -> r.family() == Family.JSON_EXTRACTION)
        .map(r -> r.prompt().split(" ")[0]).collect(Collectors.toSet());
    assertThat(mathOpenings).hasSizeGreaterThanOrEqualTo(5);
    assertThat(jsonOpenings).hasSizeGreaterThanOrEqualTo(5);
    for (BenchRequest r : w.requests()) {
      if (r.perturbation() == Perturbation.WORDING) {
        BenchRequest base = base(w, r);
        assertThat(r.prompt()).isNotEqualTo(base.prompt());
        assertThat(r.truth()).isEqualTo(base.truth());
      }
    }
  }

  @Test
  void perturbationsThatChangeTheAnswerDoSoAndSemanticOnesAlways() {
    Workload w = generator.generate(43);
    for (BenchRequest r : w.requests()) {
      if (r.perturbation() == Perturbation.SEMANTIC || r.perturbation() == Perturbation.VARIABLE
          || r.perturbation() == Perturbation.SCHEMA) {
        assertThat(answer(r)).as(r.label()).isNotEqualTo(answer(base(w, r)));
      }
      if (r.perturbation() != Perturbation.BASE) {
        assertThat(r.prompt() + r.schemaJson() + r.requiredKeys()).as(r.label())
            .isNotEqualTo(base(w, r).prompt() + base(w, r).schemaJson() + base(w, r).requiredKeys());
      }
    }
  }

  @Test
  void thePacksReadTheProblemTheTruthDescribes() {
    for (long seed : List.of(42L, 43L, 44L)) {
      for (BenchRequest r : generator.generate(seed).requests()) {
        if (r.truth() instanceof MathTruth t) {
          Problem p = ProblemReader.read(r.prompt());
          assertThat(p.isLinear()).as(r.prompt()).isTrue();
          assertThat(p.variable()).as(r.prompt()).isEqualTo(t.variable());
          assertThat(p.solution()).as(r.prompt()).isCloseTo(t.solution(), org.assertj.core.data.Offset.offset(1e-9));
        } else if (r.truth() instanceof JsonTruth t) {
          ExtractionTask task = ExtractionTask.of(r.toCompletionRequest(null).taskRequest());
          assertThat(task.keyNames()).as(r.prompt()).containsExactlyInAnyOrderElementsOf(t.keys());
        }
      }
    }
  }

  private static Object answer(BenchRequest r) {
    return r.truth() instanceof MathTruth t ? t.variable() + "=" + t.solution() : ((JsonTruth) r.truth()).expected();
  }

  private static BenchRequest base(Workload w, BenchRequest r) {
    return w.requests().stream()
        .filter(b -> b.family() == r.family() && b.baseId() == r.baseId() && b.perturbation() == Perturbation.BASE)
        .findFirst().orElseThrow();
  }

  private static List<String> prompts(Workload w) {
    return w.requests().stream().map(BenchRequest::prompt).toList();
  }
}
