package io.stepcache.bench.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.bench.judge.Judge;
import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Generator;
import io.stepcache.bench.workload.Workload;
import io.stepcache.engine.time.VirtualClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemsTest {

  private static final Workload W = Generator.paper().generate(42);

  @Test
  void withAPerfectModelEveryPlainCallIsJudgedCorrect() {
    // the generator's truth and the packs' oracles agree on every request of a seed
    NoCacheSystem s = new NoCacheSystem(new PlainModel(SimulationSettings.perfect(), 42, new VirtualClock()));
    for (BenchRequest r : W.requests()) {
      Served served = s.serve(r);
      assertThat(Judge.judgeAny(r, served.output(), null).reason()).as(r.label() + ": " + served.output()).isEmpty();
      assertThat(served.simulatedMs()).isPositive();
      assertThat(served.totalTokens()).isPositive();
    }
  }

  @Test
  void thePaperProfileMakesRoughlyTheWrongAnswersThePaperReports() {
    NoCacheSystem s = new NoCacheSystem(new PlainModel(SimulationSettings.paper(), 42, new VirtualClock()));
    long wrong = W.requests().stream()
        .filter(r -> !Judge.judgeAny(r, s.serve(r).output(), null).correct()).count();
    assertThat(wrong / (double) W.size()).isBetween(0.15, 0.40);
  }

  @Test
  void theExactCacheHitsOnlyTheSameRequest() {
    ExactCacheSystem s = new ExactCacheSystem(new PlainModel(SimulationSettings.perfect(), 42, new VirtualClock()), "t");
    BenchRequest r = W.requests().get(0);
    assertThat(s.serve(r).path()).isEqualTo("MISS");
    Served again = s.serve(r);
    assertThat(again.path()).isEqualTo("HIT");
    assertThat(again.fromCache()).isTrue();
    assertThat(again.totalTokens()).isZero();
    assertThat(s.serve(W.requests().get(1)).path()).isEqualTo("MISS");
  }

  @Test
  void theSemanticCacheServesTheNearestResponseAboveTheThreshold() {
    // a toy embedder: prompts with the same first word are identical vectors, others orthogonal
    Embedder firstWord = new Embedder() {
      public float[] embed(String text) {
        float[] v = new float[64];
        v[Math.floorMod(text.split(" ")[0].hashCode(), 64)] = 1;
        return v;
      }

      public String name() {
        return "first-word";
      }
    };
    SemanticCacheSystem s = new SemanticCacheSystem(
        new PlainModel(SimulationSettings.perfect(), 42, new VirtualClock()), firstWord, 0.9);
    List<BenchRequest> math = W.requests().stream().filter(r -> r.family().task().equals("math-linear")).toList();
    BenchRequest a = math.get(0);
    Served first = s.serve(a);
    assertThat(first.path()).isEqualTo("MISS");
    BenchRequest sameStart = math.stream().skip(1)
        .filter(r -> r.prompt().split(" ")[0].equals(a.prompt().split(" ")[0])).findFirst().orElseThrow();
    Served hit = s.serve(sameStart);
    assertThat(hit.path()).isEqualTo("HIT");
    assertThat(hit.output()).isEqualTo(first.output());
    assertThat(hit.similarity()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void miniLmGivesCloseVectorsToParaphrasesAndDistantOnesToOtherTopics() {
    Embedder e = MiniLmEmbedder.shared();
    float[] a = e.embed("Solve 3x + 4 = 19.");
    float[] b = e.embed("Please solve 3x + 4 = 19.");
    float[] c = e.embed("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"");
    assertThat(a).hasSize(384);
    assertThat(Embedder.cosine(a, b)).isGreaterThan(0.8);
    assertThat(Embedder.cosine(a, c)).isLessThan(Embedder.cosine(a, b));
  }

  @Test
  void theHttpClientWritesAndReadsTheSection8Shapes() {
    BenchRequest json = W.requests().stream().filter(r -> r.schemaJson() != null).findFirst().orElseThrow();
    String body = HttpStepCacheSystem.body(json, "acme");
    assertThat(body).startsWith("{\"prompt\":").contains("\"task\":\"json\"", "\"tenant\":\"acme\"", "\"schema\":{");
    Served s = HttpStepCacheSystem.parse("{\"output\":\"Answer: x = 5\",\"answer\":{\"x\":5},\"path\":\"REUSE\","
        + "\"task\":\"math-linear\",\"verified\":true,\"steps\":[],\"similarity\":0.93,"
        + "\"usage\":{\"promptTokens\":0,\"completionTokens\":0,\"totalTokens\":0},\"latencyMs\":1.3}");
    assertThat(s.path()).isEqualTo("REUSE");
    assertThat(s.answerJson()).isEqualTo("{\"x\":5}");
    assertThat(s.fromCache()).isTrue();
    assertThat(s.reachedModel()).isFalse();
    assertThat(s.serverLatencyMs()).isEqualTo(1.3);
    Served miss = HttpStepCacheSystem.parse("{\"output\":\"x\",\"answer\":null,\"path\":\"MISS\","
        + "\"usage\":{\"promptTokens\":120,\"completionTokens\":30,\"totalTokens\":150},\"latencyMs\":2100}");
    assertThat(miss.totalTokens()).isEqualTo(150);
    assertThat(miss.reachedModel()).isTrue();
    assertThat(miss.answerJson()).isNull();
  }
}
