package io.stepcache.packs.json.paths;

import static io.stepcache.spi.StepOrigin.REGENERATED;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.store.StepStore;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Focused key repair, then fresh generation, then an honest unverified answer. */
class RepairPathsTest {

  private static final String ALICE = "Extract name and age as JSON from: \"Alice Smith is 31 years old.\"";
  private static final String ANSWER = "{\"name\":\"Alice Smith\",\"age\":31}";

  private static PackTestKit kit(ErrorInjection errors) {
    return PackTestKit.forPack(new JsonTaskPack()).seed(42).errors(errors).build();
  }

  private static List<Object> origins(CompletionResult r) {
    return r.steps().stream().map(ServedStep::origin).map(Object.class::cast).toList();
  }

  @Test
  void malformedFirstAnswerIsRepairedWithOneCall() {
    try (PackTestKit kit = kit(ErrorInjection.none().withMalformedJson(1.0).forFirstCalls(1))) {
      CompletionResult r = kit.complete(ALICE);
      assertThat(r.path()).isEqualTo(RequestPath.MISS);
      assertThat(r.verified()).isTrue();
      assertThat(r.answerJson()).isEqualTo(ANSWER);
      assertThat(origins(r)).containsOnly(REGENERATED);
      assertThat(kit.modelCalls()).isEqualTo(2);

      assertThat(kit.complete(ALICE).path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void missingKeyIsRepairedWithOneCall() {
    try (PackTestKit kit = kit(ErrorInjection.none().withMissingJsonKey(1.0).forFirstCalls(1))) {
      CompletionResult r = kit.complete(ALICE);
      assertThat(r.verified()).isTrue();
      assertThat(r.answerJson()).isEqualTo(ANSWER);
      assertThat(kit.modelCalls()).isEqualTo(2);
    }
  }

  @Test
  void failedRepairFallsBackToFreshGeneration() {
    try (PackTestKit kit = kit(ErrorInjection.none().withMalformedJson(1.0).forFirstCalls(2))) {
      CompletionResult r = kit.complete(ALICE);
      assertThat(r.verified()).isTrue();
      assertThat(r.answerJson()).isEqualTo(ANSWER);
      assertThat(origins(r)).containsOnly(REGENERATED);
      assertThat(kit.modelCalls()).isEqualTo(3);
    }
  }

  @Test
  void whenEverythingFailsTheAnswerIsUnverifiedAndNotCached() {
    try (PackTestKit kit = kit(ErrorInjection.none().withMalformedJson(1.0))) {
      CompletionResult r = kit.complete(ALICE);
      assertThat(r.verified()).isFalse();
      assertThat(r.findings()).isNotEmpty();
      assertThat(r.answerJson()).isNull();
      assertThat(kit.modelCalls()).isEqualTo(3);

      assertThat(kit.complete(ALICE).path()).isEqualTo(RequestPath.MISS);
    }
  }

  @Test
  void aValueTheTextDoesNotHoldIsNeverVerified() {
    try (PackTestKit kit = kit(ErrorInjection.none())) {
      CompletionResult r = kit.complete("Extract name and email as JSON from: \"Alice Smith is 31 years old.\"");
      assertThat(r.verified()).isFalse();
      assertThat(r.findings()).anyMatch(f -> f.contains("JSON_VALUE_NOT_GROUNDED"));
      assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"email\":null}");
    }
  }

  private static final String PARIS =
      "Extract name, age and city as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"";
  private static final String MOVED = "Extract name, age and city as JSON from: \"Alice Smith, aged 31, moved to Rome.\"";

  /** A store holding the verified answer to PARIS, from a model without errors. */
  private static StepStore storeWithParis() {
    StepStore store = new InMemoryStepStore();
    try (PackTestKit clean = PackTestKit.forPack(new JsonTaskPack()).store(store).build()) {
      assertThat(clean.complete(PARIS).verified()).isTrue();
    }
    return store;
  }

  private static PackTestKit patchKit(ErrorInjection errors) {
    return PackTestKit.forPack(new JsonTaskPack()).seed(42).store(storeWithParis()).errors(errors).build();
  }

  @Test
  void onThePatchPathAFailedFreshGenerationIsFollowedByOneMoreFocusedCall() {
    try (PackTestKit kit = patchKit(ErrorInjection.none().withMalformedJson(1.0).forFirstCalls(2))) {
      CompletionResult r = kit.complete(MOVED);
      assertThat(r.path()).isEqualTo(RequestPath.PATCH);
      assertThat(r.verified()).isTrue();
      assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31,\"city\":\"Rome\"}");
      assertThat(kit.modelCalls()).isEqualTo(3); // focused (broken), fresh (broken), focused
    }
  }

  @Test
  void aPatchMakesAtMostThreeModelCalls() {
    try (PackTestKit kit = patchKit(ErrorInjection.none().withMalformedJson(1.0))) {
      CompletionResult r = kit.complete(MOVED);
      assertThat(r.path()).isEqualTo(RequestPath.PATCH);
      assertThat(r.verified()).isFalse();
      assertThat(kit.modelCalls()).isEqualTo(3);
    }
  }
}
