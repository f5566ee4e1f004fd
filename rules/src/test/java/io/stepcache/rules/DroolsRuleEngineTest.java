package io.stepcache.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.Signature;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.OutputFact;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.SignatureChange;
import io.stepcache.spi.verify.StepFact;
import io.stepcache.spi.verify.Verdicts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DroolsRuleEngineTest {

  private static final PackDescriptor PACK = new PackDescriptor("probe", "1.0.0", "test", "[1.0,2.0)");
  private static final RuleResource NO_BAD_STEPS =
      new RuleResource(
          "probe.drl",
          """
          package stepcache.probe;
          import io.stepcache.spi.verify.StepFact;
          global io.stepcache.spi.verify.Verdicts verdicts;
          rule "steps must not say bad"
          when $s : StepFact( text contains "bad" )
          then verdicts.failStep($s.getIndex(), "PROBE_BAD", "step says bad");
          end
          """);

  private final DroolsRuleEngine engine = new DroolsRuleEngine();

  @Test
  void packRulesReportFailingSteps() {
    try (CompiledRules rules = engine.compile(PACK, List.of(NO_BAD_STEPS), getClass().getClassLoader())) {
      Verdicts v = rules.evaluate(steps("good", "bad", "fine"));
      assertThat(v.stepFailures()).containsOnlyKeys(1);
      assertThat(v.stepFailures().get(1)).extracting(Finding::code).containsExactly("PROBE_BAD");
      assertThat(v.outputFailures()).isEmpty();
    }
  }

  @Test
  void sharedRulesCatchDuplicatedAndEmptyStepsAndMissingAnswers() {
    try (CompiledRules rules = engine.compile(PACK, List.of(NO_BAD_STEPS), getClass().getClassLoader())) {
      Verdicts dup = rules.evaluate(steps("a", "b", "a"));
      assertThat(dup.stepFailures()).containsOnlyKeys(2);
      assertThat(dup.stepFailures().get(2)).extracting(Finding::code).containsExactly("STEP_DUPLICATED");

      Verdicts blank = rules.evaluate(steps("a", "  "));
      assertThat(blank.stepFailures().get(1)).extracting(Finding::code).contains("STEP_EMPTY");

      Verdicts none = rules.evaluate(List.of(new OutputFact("", 0, null)));
      assertThat(none.outputFailures()).extracting(Finding::code).containsExactly("OUTPUT_EMPTY");

      Verdicts noAnswer = rules.evaluate(List.of(new StepFact(0, "x", 1), new OutputFact("x", 1, null)));
      assertThat(noAnswer.outputFailures()).extracting(Finding::code).containsExactly("ANSWER_MISSING");
    }
  }

  @Test
  void sharedGuardSkipsWhenTheKindChanges() {
    try (CompiledRules rules = engine.compile(PACK, List.of(NO_BAD_STEPS), getClass().getClassLoader())) {
      Signature linear = new Signature("k", Map.of(), Map.of("kind", "linear"));
      Signature quadratic = new Signature("k2", Map.of(), Map.of("kind", "quadratic"));
      assertThat(rules.evaluate(List.of(new SignatureChange(linear, quadratic))).skipReasons())
          .extracting(Finding::code)
          .containsExactly("KIND_CHANGED");
      assertThat(rules.evaluate(List.of(new SignatureChange(linear, linear))).skipReasons()).isEmpty();
    }
  }

  @Test
  void rulesThatDoNotCompileRejectThePackWithTheCompilerMessage() {
    RuleResource broken = new RuleResource("broken.drl", "package x;\nrule \"r\" when Nope() then end\n");
    assertThatThrownBy(() -> engine.compile(PACK, List.of(broken), getClass().getClassLoader()))
        .isInstanceOf(StepCacheException.class)
        .hasMessageContaining("'probe' was rejected: its rules do not compile")
        .hasMessageContaining("Nope")
        .satisfies(e -> assertThat(((StepCacheException) e).code()).isEqualTo(ErrorCode.PACK_REJECTED));
  }

  @Test
  void aPackWithoutRulesIsRejected() {
    assertThatThrownBy(() -> engine.compile(PACK, List.of(), getClass().getClassLoader()))
        .isInstanceOf(StepCacheException.class)
        .hasMessageContaining("ships no rules");
  }

  @Test
  void rulesHashDependsOnContentNotOrder() {
    RuleResource other = new RuleResource("other.drl", "package y;\n");
    assertThat(RulesHash.of(List.of(NO_BAD_STEPS, other))).isEqualTo(RulesHash.of(List.of(other, NO_BAD_STEPS)));
    RuleResource changed = new RuleResource("other.drl", "package y;\n// changed\n");
    assertThat(RulesHash.of(List.of(NO_BAD_STEPS, changed))).isNotEqualTo(RulesHash.of(List.of(NO_BAD_STEPS, other)));
  }

  private static List<Object> steps(String... texts) {
    List<Object> facts = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      facts.add(new StepFact(i, texts[i], texts.length));
    }
    facts.add(new OutputFact(String.join("\n", texts), texts.length, "{}"));
    return facts;
  }
}
