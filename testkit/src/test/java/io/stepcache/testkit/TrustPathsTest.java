package io.stepcache.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.TrustLevel;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.engine.trust.TrustSettings;
import io.stepcache.testkit.countdown.CountdownPack;
import io.stepcache.testkit.lookup.CodeLookupPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Earned trust end to end (README "Trust"), with a grounded toy pack whose rules only
 * check that a code occurs in the text, a scripted model, real Drools and the real engine.
 */
class TrustPathsTest {

  private static final String TEXT = "Order ABC123 shipped; refund XYZ999 is pending.";
  private static final String FIND = "Find the code in: " + TEXT;
  private static final String LOOK_UP = "Please look up the code in: " + TEXT;

  /** The simulated model: answers the first code of the text, or the code a test forces. */
  private static final class Script {
    final AtomicReference<String> forced = new AtomicReference<>();

    Optional<String> answer(String prompt) {
      if (!prompt.startsWith(CodeLookupPack.PROMPT_HEADER)) {
        return Optional.empty();
      }
      Matcher m = Pattern.compile("[A-Z]{3}\\d{3}").matcher(prompt);
      String code = forced.get() != null ? forced.get() : m.find() ? m.group() : "none";
      return Optional.of("code: " + code);
    }
  }

  private final Script model = new Script();

  /** One agreement confirms (the default adapts to the model, see the last tests). */
  private static final TrustSettings ONE_AGREEMENT = TrustSettings.defaults().withConfirmations(1);

  private PackTestKit.Builder kit() {
    return PackTestKit.forPack(new CodeLookupPack()).oracle(model::answer)
        .engineConfig(EngineConfig.defaults().withTrust(ONE_AGREEMENT));
  }

  private static EngineConfig auditEverything() {
    return EngineConfig.defaults().withTrust(ONE_AGREEMENT.withAuditRate(1.0));
  }

  private static List<StepTrust.State> states(PackTestKit kit) {
    List<StepTrust.State> out = new ArrayList<>();
    kit.store().forEach(e -> e.trust().forEach(t -> out.add(t.state())));
    return out;
  }

  @Test
  void aGroundedAnswerIsServedButItsStepsAreNotReusedUntilAnIndependentGenerationAgrees() {
    try (PackTestKit kit = kit().deferTrustJobs().build()) {
      CompletionResult miss = kit.complete(FIND);
      assertThat(miss.path()).isEqualTo(RequestPath.MISS);
      assertThat(miss.verified()).isTrue();
      assertThat(miss.verification()).isEqualTo(TrustLevel.GROUNDED);
      assertThat(miss.answerJson()).isEqualTo("{\"code\":\"ABC123\"}");
      assertThat(kit.pendingTrustJobs()).isEqualTo(1);
      assertThat(states(kit)).containsExactly(StepTrust.State.PROVISIONAL);

      // the provisional step is asked for again, not served from the cache
      long calls = kit.modelCalls();
      CompletionResult again = kit.complete(FIND);
      assertThat(again.path()).isEqualTo(RequestPath.PATCH);
      assertThat(kit.modelCalls()).isEqualTo(calls + 1);
      // the fresh step agrees with the provisional one: two independent generations, confirmed
      assertThat(again.verification()).isEqualTo(TrustLevel.CONFIRMED);
      assertThat(states(kit)).containsExactly(StepTrust.State.CONFIRMED);

      CompletionResult reuse = kit.complete(FIND);
      assertThat(reuse.path()).isEqualTo(RequestPath.REUSE);
      assertThat(reuse.verification()).isEqualTo(TrustLevel.CONFIRMED);
      assertThat(reuse.usage().totalTokens()).isZero();
    }
  }

  @Test
  void aConfirmationJobOffTheRequestPathConfirmsTheEntry() {
    try (PackTestKit kit = kit().deferTrustJobs().build()) {
      kit.complete(FIND);
      assertThat(kit.runTrustJobs()).isEqualTo(1);
      assertThat(kit.backgroundModelCalls()).isEqualTo(1);
      assertThat(kit.engine().trustStats().stepsConfirmed()).isEqualTo(1);
      CompletionResult reuse = kit.complete(LOOK_UP);
      assertThat(reuse.path()).isEqualTo(RequestPath.REUSE);
      assertThat(reuse.verification()).isEqualTo(TrustLevel.CONFIRMED);
      assertThat(reuse.usage().totalTokens()).isZero();
    }
  }

  @Test
  void aConfirmationThatDisagreesDisputesTheStepAndTheModelIsAskedAgain() {
    try (PackTestKit kit = kit().deferTrustJobs().build()) {
      kit.complete(FIND);
      model.forced.set("XYZ999"); // another span of the same text: it passes the rules
      kit.runTrustJobs();
      assertThat(states(kit)).containsExactly(StepTrust.State.DISPUTED);
      assertThat(kit.engine().trustStats().stepsDemoted()).isEqualTo(1);
      model.forced.set(null);
      CompletionResult next = kit.complete(FIND);
      assertThat(next.path()).isEqualTo(RequestPath.PATCH);
      assertThat(next.findings()).isEmpty();
      assertThat(next.verification()).isEqualTo(TrustLevel.GROUNDED);
    }
  }

  @Test
  void anAuditDisagreementDemotesEveryVariantThatCarriesTheStep() {
    try (PackTestKit kit = kit().engineConfig(auditEverything()).build()) {
      kit.complete(FIND); // MISS, confirmed by the job that runs after it
      CompletionResult copy = kit.complete(LOOK_UP); // REUSE from the neighbour, stored under its own key
      assertThat(copy.path()).isEqualTo(RequestPath.REUSE);
      List<String> lineages = new ArrayList<>();
      kit.store().forEach(e -> lineages.add(e.trust().get(0).lineage()));
      assertThat(lineages).hasSize(2).containsOnly(lineages.get(0));
      assertThat(states(kit)).containsOnly(StepTrust.State.CONFIRMED);

      model.forced.set("XYZ999"); // the audit of the next REUSE gets another answer
      CompletionResult audited = kit.complete(FIND);
      assertThat(audited.path()).isEqualTo(RequestPath.REUSE);
      assertThat(kit.engine().trustStats().auditDisagreements()).isEqualTo(1);
      assertThat(states(kit)).containsExactly(StepTrust.State.DISPUTED, StepTrust.State.DISPUTED);

      model.forced.set(null);
      assertThat(kit.complete(LOOK_UP).path()).isEqualTo(RequestPath.PATCH);
    }
  }

  @Test
  void aFreshGenerationThatContradictsAProvisionalStepDemotesIt() {
    try (PackTestKit kit = kit().deferTrustJobs().build()) {
      kit.complete(FIND);
      model.forced.set("XYZ999");
      CompletionResult patched = kit.complete(FIND);
      assertThat(patched.path()).isEqualTo(RequestPath.PATCH);
      assertThat(patched.answerJson()).isEqualTo("{\"code\":\"XYZ999\"}");
      assertThat(kit.engine().trustStats().contradictions()).isPositive();
      CacheEntry first = firstEntry(kit, "ABC123");
      assertThat(first.trust().get(0).state()).isEqualTo(StepTrust.State.DISPUTED);
    }
  }

  @Test
  void theSameFactStatedByTwoGenerationsIsConfirmedWithoutAnotherCall() {
    try (PackTestKit kit = kit().deferTrustJobs().build()) {
      kit.complete(FIND);
      // another tenant's entries are never evidence; the same tenant's other wording is: a MISS-like
      // generation for another structure key of the same text (the neighbour is provisional, so the
      // PATCH asks again) states the same fact
      CompletionResult other = kit.complete(LOOK_UP);
      assertThat(other.path()).isEqualTo(RequestPath.PATCH);
      assertThat(other.verification()).isEqualTo(TrustLevel.CONFIRMED);
      assertThat(kit.backgroundModelCalls()).isZero();
    }
  }

  @Test
  void onDemandNothingIsQueuedAndTheFirstRequestThatNeedsTheStepConfirmsIt() {
    EngineConfig onDemand = EngineConfig.defaults()
        .withTrust(ONE_AGREEMENT.withConfirm(TrustSettings.Confirm.ON_DEMAND).withAuditRate(0));
    try (PackTestKit kit = kit().engineConfig(onDemand).deferTrustJobs().build()) {
      kit.complete(FIND);
      assertThat(kit.pendingTrustJobs()).isZero();
      assertThat(kit.complete(FIND).path()).isEqualTo(RequestPath.PATCH);
      CompletionResult reuse = kit.complete(FIND);
      assertThat(reuse.path()).isEqualTo(RequestPath.REUSE);
      assertThat(reuse.verification()).isEqualTo(TrustLevel.CONFIRMED);
      assertThat(kit.backgroundModelCalls()).isZero();
    }
  }

  @Test
  void byDefaultTheAgreementsNeededFollowTheModelsMeasuredReliability() {
    try (PackTestKit kit = kit().engineConfig(EngineConfig.defaults()).deferTrustJobs().build()) {
      // nothing observed yet: two agreements
      kit.complete(FIND);
      kit.runTrustJobs();
      assertThat(kit.backgroundModelCalls()).isEqualTo(2);
      assertThat(states(kit)).containsExactly(StepTrust.State.CONFIRMED);
    }
  }

  @Test
  void anUnreliableModelNeedsMoreUnanimousAgreements() {
    try (PackTestKit kit = kit().engineConfig(EngineConfig.defaults()).deferTrustJobs().build()) {
      // confirmations that disagree teach the engine the model is unreliable
      for (int i = 0; i < 12; i++) {
        String text = "Find the code in: Box " + (char) ('A' + i) + "BC12" + i + " and crate QQQ99" + i + " arrived.";
        kit.complete(text);
        model.forced.set("QQQ99" + i);
        kit.runTrustJobs();
        model.forced.set(null);
      }
      long callsBefore = kit.backgroundModelCalls();
      kit.complete("Find the code in: Bag ZZZ111 came.");
      kit.runTrustJobs();
      // one generation stated it; more than one agreeing confirmation was needed before reuse
      assertThat(kit.backgroundModelCalls() - callsBefore).isGreaterThan(1);
      assertThat(kit.complete("Find the code in: Bag ZZZ111 came.").path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void aFullQueueSkipsTheConfirmationAndNeverBlocks() {
    EngineConfig tiny = EngineConfig.defaults().withTrust(new TrustSettings(TrustSettings.Confirm.EAGER, 1, 5, 0.001, 1, 0, 64, null));
    try (PackTestKit kit = kit().engineConfig(tiny).deferTrustJobs().build()) {
      kit.complete(FIND);
      kit.complete("Find the code in: Parcel QRS456 left today.");
      assertThat(kit.engine().trustStats().confirmationsQueued()).isEqualTo(1);
      assertThat(kit.engine().trustStats().confirmationsSkipped()).isEqualTo(1);
    }
  }

  @Test
  void anAnswerThatFailsTheRulesIsNone() {
    model.forced.set("QQQ000");
    try (PackTestKit kit = kit().build()) {
      CompletionResult r = kit.complete(FIND);
      assertThat(r.verified()).isFalse();
      assertThat(r.verification()).isEqualTo(TrustLevel.NONE);
      assertThat(kit.store().size()).isZero();
    }
  }

  @Test
  void aCheckedPackIsCheckedOnEveryPath() {
    try (PackTestKit kit = PackTestKit.forPack(new CountdownPack()).deferTrustJobs().build()) {
      assertThat(kit.complete("Count down from 3").verification()).isEqualTo(TrustLevel.CHECKED);
      CompletionResult reuse = kit.complete("Count down from 3");
      assertThat(reuse.path()).isEqualTo(RequestPath.REUSE);
      assertThat(reuse.verification()).isEqualTo(TrustLevel.CHECKED);
      assertThat(kit.pendingTrustJobs()).isZero();
    }
  }

  private static CacheEntry firstEntry(PackTestKit kit, String code) {
    List<CacheEntry> found = new ArrayList<>();
    kit.store().forEach(e -> {
      if (e.stepTemplates().get(0).contains(code)) {
        found.add(e);
      }
    });
    assertThat(found).hasSize(1);
    return found.get(0);
  }
}
