package io.stepcache.packs.json.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import io.stepcache.packs.json.JsonTaskPack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OneShotRepairTest {

  private static final TaskPack PACK = new JsonTaskPack();
  private static final TaskRequest REQUEST =
      TaskRequest.of("Extract name, age and city as JSON from: \"Alice Smith is 31 years old and lives in Rome.\"");
  private static final List<Draft> REUSED = List.of(
      new Draft("\"name\": \"Alice Smith\"", StepOrigin.REUSED),
      new Draft("\"age\": 31", StepOrigin.REUSED),
      new Draft("\"city\": \"Paris\"", StepOrigin.REUSED));
  private static final Verification CITY_FAILS = new Verification(
      Map.of(2, List.of(new Finding("JSON_VALUE_NOT_GROUNDED", "Paris"))), List.of());
  private static final Verification PASSED = new Verification(Map.of(), List.of());

  private static OneShotRepair strategy() {
    return (OneShotRepair) PACK.repairStrategies().get(0);
  }

  @Test
  void asksOnlyForTheFailingKeyAndMergesIt() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> "{\n  \"city\": \"Rome\"\n}", steps -> PASSED);
    List<Draft> repaired = strategy().repair(ctx);
    assertThat(repaired).containsExactly(REUSED.get(0), REUSED.get(1), new Draft("\"city\": \"Rome\"", StepOrigin.REPAIRED));
    assertThat(ctx.prompts).singleElement().satisfies(p -> assertThat(p)
        .startsWith(ExtractionPrompts.PARTIAL_HEADER)
        .contains("- \"city\": any, required")
        .doesNotContain("- \"name\"")
        .contains("step 3: JSON_VALUE_NOT_GROUNDED: Paris"));
  }

  @Test
  void repairsTheWholeObjectWhenMostKeysFail() {
    Verification mostFail = new Verification(Map.of(
        0, List.of(new Finding("JSON_VALUE_NOT_GROUNDED", "x")),
        2, List.of(new Finding("JSON_VALUE_NOT_GROUNDED", "y"))), List.of());
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, mostFail,
        prompt -> "```json\n{\"name\": \"Alice Smith\", \"age\": 31, \"city\": \"Rome\"}\n```", steps -> PASSED);
    List<Draft> repaired = strategy().repair(ctx);
    assertThat(repaired).extracting(Draft::origin).containsExactly(StepOrigin.REUSED, StepOrigin.REUSED, StepOrigin.REPAIRED);
    assertThat(ctx.prompts).singleElement().satisfies(p -> assertThat(p)
        .startsWith(ExtractionPrompts.REPAIR_HEADER)
        .contains("<previous>\n{\n  \"name\": \"Alice Smith\",\n  \"age\": 31,\n  \"city\": \"Paris\"\n}\n</previous>"));
  }

  @Test
  void keepsTheStepsItWasGivenWhenTheRepairIsWorse() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> "{\"city\": \"Rom\"}",
        steps -> new Verification(Map.of(2, List.of(new Finding("A", "a"), new Finding("B", "b"))), List.of()));
    assertThat(strategy().repair(ctx)).isEqualTo(REUSED);
  }

  @Test
  void dropsAKeyTheRequestDoesNotNameWithoutCallingTheModel() {
    List<Draft> withExtra = List.of(REUSED.get(0), REUSED.get(1), new Draft("\"nickname\": \"x\"", StepOrigin.REUSED),
        new Draft("\"city\": \"Rome\"", StepOrigin.REUSED));
    Verification extraFails = new Verification(Map.of(2, List.of(new Finding("JSON_KEY_NOT_REQUESTED", "nickname"))), List.of());
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, withExtra, extraFails,
        prompt -> { throw new AssertionError("no model call expected"); }, steps -> PASSED);
    assertThat(strategy().repair(ctx)).containsExactly(withExtra.get(0), withExtra.get(1), withExtra.get(3));
  }

  @Test
  void letsBackendFailuresThrough() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> { throw new IllegalStateException("backend down"); }, steps -> PASSED);
    assertThatThrownBy(() -> strategy().repair(ctx)).hasMessage("backend down");
  }

  @Test
  void freshGenerationRegeneratesEveryStep() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, List.of(), CITY_FAILS,
        prompt -> "{\"name\": \"Alice Smith\", \"age\": 31, \"city\": \"Rome\"}", steps -> PASSED);
    List<Draft> fresh = PACK.repairStrategies().get(1).repair(ctx);
    assertThat(fresh).extracting(Draft::origin).containsOnly(StepOrigin.REGENERATED).hasSize(3);
    assertThat(ctx.prompts).containsExactly(PACK.prompts().fullPrompt(REQUEST));
  }

  @Test
  void freshGenerationThatYieldsNothingKeepsTheSteps() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS, prompt -> "{\"name\": ", steps -> PASSED);
    assertThat(PACK.repairStrategies().get(1).repair(ctx)).isEqualTo(REUSED);
  }
}
