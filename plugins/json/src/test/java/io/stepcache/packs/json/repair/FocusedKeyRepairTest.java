package io.stepcache.packs.json.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FocusedKeyRepairTest {

  private static final PackParts PACK = new JsonTaskPack().parts(PackContext.of(Map.of()));
  private static final String TEXT = "Alice Smith is 31 years old and lives in Rome.";
  private static final TaskRequest REQUEST = TaskRequest.of("Extract name, age and city as JSON from: \"" + TEXT + "\"");
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
      + "\"age\":{\"type\":\"integer\"},\"city\":{\"type\":\"string\"}},\"required\":[\"name\",\"age\",\"city\"],"
      + "\"additionalProperties\":false}";
  private static final List<Draft> REUSED = List.of(
      new Draft("\"name\": \"Alice Smith\"", StepOrigin.REUSED),
      new Draft("\"age\": 31", StepOrigin.REUSED),
      new Draft("\"city\": \"Paris\"", StepOrigin.REUSED));
  private static final Verification CITY_FAILS = new Verification(
      Map.of(2, List.of(new Finding("JSON_VALUE_NOT_GROUNDED", "Paris"))), List.of());
  private static final Verification PASSED = new Verification(Map.of(), List.of());

  private static RepairStrategy focused() {
    return PACK.repairStrategies().get(0);
  }

  private static RepairStrategy afterFresh() {
    return PACK.repairStrategies().get(2);
  }

  private static Draft regenerated(String text) {
    return new Draft(text, StepOrigin.REGENERATED);
  }

  @Test
  void theStrategiesAreFocusedFreshFocused() {
    assertThat(PACK.repairStrategies()).extracting(RepairStrategy::name)
        .containsExactly("json-focused-repair", "json-fresh-generation", "json-focused-repair-after-fresh");
  }

  @Test
  void oneCallThatAsksOnlyForTheFailingKeyWithTheSourceTextAndNothingElse() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> "{\n  \"city\": \"Rome\"\n}", steps -> PASSED);
    List<Draft> repaired = focused().repair(ctx);
    assertThat(repaired).containsExactly(REUSED.get(0), REUSED.get(1), regenerated("\"city\": \"Rome\""));
    assertThat(ctx.prompts).containsExactly(ExtractionPrompts.FOCUSED_HEADER + "\ncity\nText:\n" + TEXT);
    assertThat(ctx.prompts.get(0))
        .doesNotContain("name").doesNotContain("age")
        .doesNotContain("Paris") // the previous answer
        .doesNotContain("JSON_VALUE_NOT_GROUNDED") // the findings
        .doesNotContain("Instruction").doesNotContain(ExtractionPrompts.FULL_HEADER);
  }

  @Test
  void asksForFailingAndMissingKeysWithTheirSchemaTypesAndMergesInRequestOrder() {
    TaskRequest request = JsonOptions.request("Extract the person as JSON: " + TEXT, SCHEMA, List.of());
    List<Draft> steps = List.of(
        new Draft("\"city\": \"Rome\"", StepOrigin.REUSED),
        new Draft("\"age\": 30", StepOrigin.REUSED));
    Verification v = new Verification(Map.of(1, List.of(new Finding("JSON_VALUE_NOT_GROUNDED", "30"))),
        List.of(new Finding("JSON_REQUIRED_KEY_MISSING", "name")));
    FakeRepairContext ctx = new FakeRepairContext(request, steps, v,
        prompt -> "```json\n{\"name\": \"Alice Smith\", \"age\": 31, \"city\": \"Oslo\", \"extra\": 1}\n```",
        candidate -> PASSED);
    List<Draft> repaired = focused().repair(ctx);
    assertThat(repaired).containsExactly(
        regenerated("\"name\": \"Alice Smith\""), regenerated("\"age\": 31"), steps.get(0));
    assertThat(ctx.prompts).singleElement()
        .satisfies(p -> assertThat(p).contains("\nname: string\nage: integer\nText:\n").doesNotContain("city"));
  }

  @Test
  void aKeyTheRequestNoLongerNamesIsDroppedWithoutAModelCall() {
    List<Draft> withDropped = List.of(REUSED.get(0), new Draft("\"email\": \"a@b.c\"", StepOrigin.REUSED),
        REUSED.get(1), new Draft("\"city\": \"Rome\"", StepOrigin.REUSED));
    Verification droppedFails = new Verification(
        Map.of(1, List.of(new Finding("JSON_KEY_NOT_REQUESTED", "email"))), List.of());
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, withDropped, droppedFails,
        prompt -> { throw new AssertionError("no model call expected"); }, steps -> PASSED);
    assertThat(focused().repair(ctx)).containsExactly(withDropped.get(0), withDropped.get(2), withDropped.get(3));
    assertThat(ctx.prompts).isEmpty();
  }

  @Test
  void aRenamedKeyIsDroppedAndTheNewNameAskedFor() {
    TaskRequest renamed = TaskRequest.of("Extract name, age and home_city as JSON from: \"" + TEXT + "\"");
    Verification v = new Verification(Map.of(2, List.of(new Finding("JSON_KEY_NOT_REQUESTED", "city"))),
        List.of(new Finding("JSON_REQUIRED_KEY_MISSING", "home_city")));
    List<Draft> steps = List.of(REUSED.get(0), REUSED.get(1), new Draft("\"city\": \"Rome\"", StepOrigin.REUSED));
    FakeRepairContext ctx = new FakeRepairContext(renamed, steps, v,
        prompt -> "{\n  \"home_city\": \"Rome\"\n}", candidate -> PASSED);
    assertThat(focused().repair(ctx)).containsExactly(steps.get(0), steps.get(1), regenerated("\"home_city\": \"Rome\""));
    assertThat(ctx.prompts).singleElement().satisfies(p -> assertThat(p).contains("\nhome_city\nText:\n"));
  }

  @Test
  void anEmptyAnswerAsksForEveryRequiredKeyInOneCall() {
    Verification empty = new Verification(Map.of(), List.of(new Finding("OUTPUT_EMPTY", "no steps")));
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, List.of(), empty,
        prompt -> "{\"name\": \"Alice Smith\", \"age\": 31, \"city\": \"Rome\"}", candidate -> PASSED, "{\"name\": ");
    assertThat(focused().repair(ctx)).extracting(Draft::origin).containsExactly(
        StepOrigin.REGENERATED, StepOrigin.REGENERATED, StepOrigin.REGENERATED);
    assertThat(ctx.prompts).singleElement().satisfies(p -> assertThat(p).contains("\nname\nage\ncity\nText:\n"));
  }

  @Test
  void anObjectLevelSchemaErrorIsLeftToTheFreshGeneration() {
    Verification objectLevel = new Verification(Map.of(),
        List.of(new Finding("JSON_SCHEMA_VIOLATION", "#: minimum number of properties is 4")));
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, objectLevel,
        prompt -> { throw new AssertionError("no model call expected"); }, steps -> PASSED);
    assertThat(focused().repair(ctx)).isEqualTo(REUSED);
  }

  @Test
  void keepsTheStepsItWasGivenWhenTheAnswerIsWorse() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> "{\"city\": \"Rom\"}",
        steps -> new Verification(Map.of(2, List.of(new Finding("A", "a"), new Finding("B", "b"))), List.of()));
    assertThat(focused().repair(ctx)).isEqualTo(REUSED);
  }

  @Test
  void anAskedKeyTheAnswerLacksStaysMissing() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> "{\n}", steps -> new Verification(Map.of(), List.of(new Finding("JSON_REQUIRED_KEY_MISSING", "city"))));
    assertThat(focused().repair(ctx)).containsExactly(REUSED.get(0), REUSED.get(1));
    assertThat(ctx.prompts).hasSize(1);
  }

  @Test
  void letsBackendFailuresThrough() {
    FakeRepairContext ctx = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> { throw new IllegalStateException("backend down"); }, steps -> PASSED);
    assertThatThrownBy(() -> focused().repair(ctx)).hasMessage("backend down");
  }

  @Test
  void afterTheFreshGenerationItRepairsOnThePatchPathOnly() {
    FakeRepairContext patch = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> "{\n  \"city\": \"Rome\"\n}", steps -> PASSED);
    assertThat(afterFresh().repair(patch)).containsExactly(REUSED.get(0), REUSED.get(1), regenerated("\"city\": \"Rome\""));
    assertThat(patch.prompts).hasSize(1);

    // MISS/SKIP: the generation, the first focused repair and the fresh generation made 3 calls already
    FakeRepairContext miss = new FakeRepairContext(REQUEST, REUSED, CITY_FAILS,
        prompt -> { throw new AssertionError("no 4th model call"); }, steps -> PASSED, "{\"name\": \"Alice Smith\"}");
    assertThat(afterFresh().repair(miss)).isEqualTo(REUSED);
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
