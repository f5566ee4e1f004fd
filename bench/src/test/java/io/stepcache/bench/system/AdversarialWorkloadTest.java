package io.stepcache.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.judge.Judge;
import io.stepcache.bench.judge.Verdict;
import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Family;
import io.stepcache.bench.workload.Generator;
import io.stepcache.bench.workload.Truth.JsonTruth;
import io.stepcache.bench.workload.Workload;
import io.stepcache.bench.workload.WorkloadKind;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.request.KeySpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AdversarialWorkloadTest {

  private static final Workload ADVERSARIAL = new Generator(10, 3, WorkloadKind.ADVERSARIAL).generate(42);

  private static List<BenchRequest> json(Workload w) {
    return w.requests().stream().filter(r -> r.family() == Family.JSON_EXTRACTION).toList();
  }

  @Test
  void sameStructureAsThePaperWorkloadWithTheSameMath() {
    Workload paper = Generator.paper().generate(42);
    assertThat(ADVERSARIAL.size()).isEqualTo(paper.size());
    assertThat(ADVERSARIAL.perturbationMix()).isEqualTo(paper.perturbationMix());
    assertThat(json(ADVERSARIAL)).hasSize(160);
    assertThat(json(ADVERSARIAL)).noneMatch(r -> json(paper).stream().anyMatch(p -> p.prompt().equals(r.prompt())));
  }

  /** Each true value read off its frame in the text with a pattern written for that frame alone. */
  @Test
  void theTruthIsTheRightSpanNotItsTwin() {
    Map<String, Pattern> frames = Map.of(
        "rating", Pattern.compile("hotel in \\w+ (\\d+) \\(not (\\d+)\\) out of (\\d+)\\."),
        "party_size", Pattern.compile("Table for (\\d+) at .*booked for (\\d+) at [\\d:]+, now (\\d+)\\."),
        "price", Pattern.compile("now costs \\$([\\d.]+) at our \\w+ store, down from \\$([\\d.]+);|for \u20ac(\\d+) a month"),
        "age", Pattern.compile("[A-Z]\\w+ [A-Z]\\w+, (\\d+), lives with her brother [A-Z]\\w+ [A-Z]\\w+, (\\d+),"),
        "year", Pattern.compile("since (\\d+);"));
    int checked = 0;
    for (BenchRequest r : json(ADVERSARIAL)) {
      Map<String, Object> expected = ((JsonTruth) r.truth()).expected();
      for (Map.Entry<String, Pattern> f : frames.entrySet()) {
        if (!(expected.get(f.getKey()) instanceof BigDecimal truth)) {
          continue;
        }
        Matcher m = f.getValue().matcher(r.prompt());
        assertThat(m.find()).as(r.prompt()).isTrue();
        String first = m.group(1) != null ? m.group(1) : m.group(3);
        assertThat(new BigDecimal(first)).as(r.prompt()).isEqualByComparingTo(truth);
        switch (f.getKey()) {
          case "rating" -> {
            assertThat(m.group(2)).isNotEqualTo(m.group(1));
            assertThat(Integer.parseInt(m.group(1))).isLessThan(Integer.parseInt(m.group(3)));
          }
          case "party_size" -> {
            assertThat(m.group(3)).isEqualTo(m.group(1));
            assertThat(m.group(2)).isNotEqualTo(m.group(1));
          }
          case "price" -> {
            if (m.group(2) != null) {
              assertThat(new BigDecimal(m.group(1))).isLessThan(new BigDecimal(m.group(2)));
              assertThat(m.group(1).contains(".")).isEqualTo(m.group(2).contains("."));
            }
          }
          case "age" -> assertThat(m.group(2)).isNotEqualTo(m.group(1));
          default -> { }
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void theTruthOraclesOwnAnswersAreAllCorrect() {
    for (Workload w : List.of(ADVERSARIAL, Generator.paper().generate(43))) {
      TruthOracle truth = TruthOracle.of(w.requests());
      for (BenchRequest r : json(w)) {
        String answer = truth.answer(PlainModel.fullPrompt(r)).orElseThrow(() -> new AssertionError(r.prompt()));
        Verdict v = Judge.judgeAny(r, answer, null);
        assertThat(v.correct()).as(r.label() + ": " + v.reason() + "\n" + answer).isTrue();
      }
    }
  }

  @Test
  void theTruthOracleAnswersFocusedPromptsForRenamedKeysAndLeavesOtherPromptsAlone() {
    BenchRequest r = json(ADVERSARIAL).stream()
        .filter(q -> q.prompt().contains("Guests rated")).findFirst().orElseThrow();
    String text = r.prompt().substring(r.prompt().indexOf("Guests rated"));
    Matcher m = Pattern.compile("hotel in \\w+ (\\d+) \\(not").matcher(text);
    assertThat(m.find()).isTrue();
    TruthOracle truth = TruthOracle.of(ADVERSARIAL.requests());
    String focused = ExtractionPrompts.focused(List.of(new KeySpec("stars", List.of("integer"), true),
        new KeySpec("score", List.of("string"), true), new KeySpec("unheard_of", List.of(), true)), text);
    assertThat(truth.answer(focused)).contains(
        "{\n  \"stars\": " + m.group(1) + ",\n  \"score\": \"" + m.group(1) + "\",\n  \"unheard_of\": null\n}");
    assertThat(truth.answer("Solve 3x + 5 = 20.")).isEmpty();
    assertThat(truth.answer(ExtractionPrompts.focused(List.of(new KeySpec("age", List.of(), true)), "Bob is 3.")))
        .isEmpty();
  }

  @Test
  void onlyThePaperProfileLeavesTheTruthOracleOut() {
    TruthOracle truth = TruthOracle.of(ADVERSARIAL.requests());
    assertThat(SimulationSettings.paper().oracles(truth, PlainModel.oracles())).doesNotContain(truth);
    for (String p : List.of("perfect", "adversarial", "adversarial-30", "llama-server")) {
      assertThat(SimulationSettings.named(p).oracles(truth, PlainModel.oracles()).get(0)).as(p).isSameAs(truth);
    }
    assertThat(SimulationSettings.adversarial().errors().groundedDistractor()).isEqualTo(0.05);
    assertThat(SimulationSettings.adversarial30().errors().groundedDistractor()).isEqualTo(0.30);
    assertThat(SimulationSettings.adversarial().errors().withGroundedDistractor(0))
        .isEqualTo(SimulationSettings.paper().errors());
    assertThat(SimulationSettings.adversarial30().serverProperties(42))
        .containsEntry("stepcache.backend.sim.error.groundedDistractor", "0.3");
  }

  /** No-cache with distractors only: every other error kind off, so each wrong value is a distractor. */
  @Test
  void distractorsMakeNoCacheJsonValuesWrongAtAboutTheConfiguredRate() {
    assertThat(wrongValueShare(0)).isZero();
    double share = wrongValueShare(0.30);
    // a few key lines (the second product, an extra phone) have no same-shaped twin in their text
    assertThat(share).isBetween(0.22, 0.36);
  }

  private static double wrongValueShare(double rate) {
    SimulationSettings settings = new SimulationSettings("distractors", SimulationSettings.paper().profile(),
        ErrorInjection.none().withGroundedDistractor(rate));
    VirtualClock clock = new VirtualClock();
    NoCacheSystem noCache = new NoCacheSystem(
        new PlainModel(settings.backend(42, clock, TruthOracle.of(ADVERSARIAL.requests())), clock, 512));
    int values = 0;
    int wrong = 0;
    for (BenchRequest r : json(ADVERSARIAL)) {
      String out = noCache.serve(r).output();
      Map<String, Object> got = Json.parseObject(out).orElseThrow(() -> new AssertionError(out));
      Map<String, Object> expected = ((JsonTruth) r.truth()).expected();
      assertThat(got.keySet()).containsExactlyElementsOf(expected.keySet());
      for (Map.Entry<String, Object> e : expected.entrySet()) {
        values++;
        wrong += same(e.getValue(), got.get(e.getKey())) ? 0 : 1;
      }
      assertThat(Judge.judgeAny(r, out, null).correct()).isEqualTo(got.entrySet().stream()
          .allMatch(e -> same(expected.get(e.getKey()), e.getValue())));
    }
    return wrong / (double) values;
  }

  private static boolean same(Object expected, Object actual) {
    if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
      return e.compareTo(a) == 0;
    }
    if (expected instanceof BigDecimal e && actual instanceof Number a) {
      return e.compareTo(new BigDecimal(a.toString())) == 0;
    }
    return expected.equals(actual);
  }
}
