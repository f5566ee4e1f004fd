package io.stepcache.engine.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.Tokens;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.spi.sim.ModelOracle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedBackendTest {

  private static final String MATH = "Subtract 5 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: x = 5";
  private static final String JSON = "{\n  \"name\": \"Alice\",\n  \"age\": 31\n}";
  private static final ModelOracle ORACLE =
      p -> p.startsWith("math") ? Optional.of(MATH) : p.startsWith("json") ? Optional.of(JSON) : Optional.empty();

  private static SimulatedBackend backend(ErrorInjection e, long seed, VirtualClock clock) {
    return new SimulatedBackend(SimulationProfile.llamaServerDefaults(), e, seed, clock, () -> List.of(ORACLE));
  }

  private static Generation call(SimulatedBackend b, String prompt) {
    return b.generate(new GenerationRequest(prompt, null, null, 512));
  }

  @Test
  void perfectModelAnswersWithTheOracleAndChargesTheLatencyModel() {
    VirtualClock clock = new VirtualClock();
    SimulatedBackend b = backend(ErrorInjection.none(), 42, clock);
    Generation g = call(b, "math please");
    assertThat(g.text()).isEqualTo(MATH);
    assertThat(g.truncated()).isFalse();
    assertThat(g.promptTokens()).isEqualTo(Tokens.count("math please"));
    assertThat(g.completionTokens()).isEqualTo(Tokens.count(MATH));
    Duration expected = SimulationProfile.llamaServerDefaults().latency(g.promptTokens(), g.completionTokens());
    assertThat(clock.nanoTime()).isEqualTo(expected.toNanos());
    assertThat(expected.toMillis()).isGreaterThan(150);
    assertThat(b.calls()).isEqualTo(1);
  }

  @Test
  void unknownPromptsGetTheFixedAnswer() {
    assertThat(call(backend(ErrorInjection.none(), 1, new VirtualClock()), "hello").text())
        .isEqualTo(SimulatedBackend.UNKNOWN_PROMPT_ANSWER);
  }

  @Test
  void sameSeedSameOutputsDifferentSeedDifferentOutputs() {
    ErrorInjection e = ErrorInjection.none().withWrongArithmetic(0.5);
    SimulatedBackend a = backend(e, 42, new VirtualClock());
    SimulatedBackend b = backend(e, 42, new VirtualClock());
    SimulatedBackend c = backend(e, 43, new VirtualClock());
    StringBuilder sa = new StringBuilder();
    StringBuilder sb = new StringBuilder();
    StringBuilder sc = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sa.append(call(a, "math " + i).text());
      sb.append(call(b, "math " + i).text());
      sc.append(call(c, "math " + i).text());
    }
    assertThat(sb.toString()).isEqualTo(sa.toString());
    assertThat(sc.toString()).isNotEqualTo(sa.toString());
  }

  @Test
  void wrongArithmeticChangesEveryNumberedLineAtRateOne() {
    Generation g = call(backend(ErrorInjection.none().withWrongArithmetic(1.0), 3, new VirtualClock()), "math");
    String[] got = g.text().split("\n");
    String[] want = MATH.split("\n");
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).isNotEqualTo(want[i]);
    }
  }

  @Test
  void wrongSignFlipsTheLastNumber() {
    Generation g = call(backend(ErrorInjection.none().withWrongSign(1.0), 3, new VirtualClock()), "math");
    assertThat(g.text()).contains("3x = -15").contains("Answer: x = -5");
  }

  @Test
  void missingKeyDropsJsonLinesAndMalformedBreaksTheObject() {
    Generation missing = call(backend(ErrorInjection.none().withMissingJsonKey(1.0), 3, new VirtualClock()), "json");
    assertThat(missing.text()).doesNotContain("\"name\"").doesNotContain("\"age\"").contains("{").contains("}");
    Generation malformed = call(backend(ErrorInjection.none().withMalformedJson(1.0), 3, new VirtualClock()), "json");
    assertThat(malformed.text()).doesNotContain("}").contains("\"name\": \"Alice\"");
  }

  @Test
  void truncationCutsTheOutputAndSaysSo() {
    Generation g = call(backend(ErrorInjection.none().withTruncated(1.0), 3, new VirtualClock()), "math");
    assertThat(g.truncated()).isTrue();
    assertThat(MATH).startsWith(g.text());
    assertThat(g.text().length()).isLessThan(MATH.indexOf('\n') + 1);
  }

  @Test
  void maxTokensCutsTheOutput() {
    SimulatedBackend b = backend(ErrorInjection.none(), 3, new VirtualClock());
    Generation g = b.generate(new GenerationRequest("math", null, null, 4));
    assertThat(g.truncated()).isTrue();
    assertThat(g.completionTokens()).isLessThanOrEqualTo(4);
    assertThat(MATH).startsWith(g.text());
  }

  @Test
  void injectionStopsAfterTheActiveCalls() {
    SimulatedBackend b = backend(ErrorInjection.none().withWrongArithmetic(1.0).forFirstCalls(1), 3, new VirtualClock());
    assertThat(call(b, "math").text()).isNotEqualTo(MATH);
    assertThat(call(b, "math").text()).isEqualTo(MATH);
  }

  @Test
  void resumingFromACheckpointSkipsThePrefillOfStepsThePromptHolds() {
    String step1 = "Subtract 5 from both sides: 3x = 15";
    String step2 = "Divide both sides by 3: x = 5";
    String prompt = "math continue\n1. " + step1 + "\n2. " + step2 + "\nWrite the rest.";
    VirtualClock plain = new VirtualClock();
    Generation g = call(backend(ErrorInjection.none(), 7, plain), prompt);
    VirtualClock resumed = new VirtualClock();
    SimulatedBackend b = backend(ErrorInjection.none(), 7, resumed);
    Generation h = b.generate(new GenerationRequest(prompt, null, null, 512,
        io.stepcache.engine.backend.GenerationHints.NONE.withResumableSteps(List.of(step1, step2))));
    long skipped = Tokens.count(step1) + Tokens.count(step2);
    assertThat(h.promptTokens()).isEqualTo(g.promptTokens());
    assertThat(b.resumedPromptTokens()).isEqualTo(skipped);
    assertThat(resumed.nanoTime()).isEqualTo(SimulationProfile.llamaServerDefaults()
        .latency(g.promptTokens() - skipped, g.completionTokens()).toNanos());
    assertThat(resumed.nanoTime()).isLessThan(plain.nanoTime());
    // steps the prompt does not hold verbatim, in order, are no checkpoint for it
    assertThat(SimulatedBackend.resumedTokens(prompt, List.of(step2, step1))).isZero();
    assertThat(SimulatedBackend.resumedTokens(prompt, List.of("Add 1 to both sides: 3x = 16"))).isZero();
  }
}
