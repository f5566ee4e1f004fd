package io.stepcache.packs.json.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pack's verification rules, run by the real Drools engine through the test kit. */
class ExtractionRulesTest {

  private static final TaskRequest ALICE =
      TaskRequest.of("Extract name and age as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"");
  private static final String NAME = "\"name\": \"Alice Smith\"";
  private static final String AGE = "\"age\": 31";

  private static PackTestKit kit;

  @BeforeAll
  static void startKit() {
    kit = PackTestKit.forPack(new JsonTaskPack()).build();
  }

  @AfterAll
  static void closeKit() {
    kit.close();
  }

  private static TaskRequest withSchema(String schema) {
    return JsonOptions.request(ALICE.prompt(), schema, List.of());
  }

  private static List<String> stepCodes(Verification v, int index) {
    return v.stepFailures().getOrDefault(index, List.of()).stream().map(Finding::code).toList();
  }

  private static List<String> outputCodes(Verification v) {
    return v.outputFailures().stream().map(Finding::code).toList();
  }

  @Test
  void correctExtractionPasses() {
    assertThat(kit.verify(ALICE, List.of(NAME, AGE)).passed()).isTrue();
    assertThat(kit.verify(ALICE, List.of(AGE, "\"name\": \"alice  smith\"")).passed()).isTrue();
  }

  @Test
  void unparseableStep() {
    Verification v = kit.verify(ALICE, List.of("\"name\": Alice Smith", AGE));
    assertThat(stepCodes(v, 0)).containsExactly("JSON_STEP_UNPARSEABLE");
    assertThat(v.stepPassed(1)).isTrue();
    assertThat(outputCodes(v)).contains("JSON_INVALID").doesNotContain("JSON_REQUIRED_KEY_MISSING");
  }

  @Test
  void keyNotRequested() {
    Verification v = kit.verify(ALICE, List.of(NAME, AGE, "\"city\": \"Paris\""));
    assertThat(stepCodes(v, 2)).containsExactly("JSON_KEY_NOT_REQUESTED");
    assertThat(v.failingSteps()).containsExactly(2);
  }

  @Test
  void otherKeysPassWhenTheSchemaAllowsThem() {
    String open = "{\"properties\": {\"name\": {\"type\": \"string\"}}}";
    assertThat(kit.verify(withSchema(open), List.of(NAME, AGE, "\"city\": \"Paris\"")).passed()).isTrue();
  }

  @Test
  void otherKeysFailTheirStepWhenTheSchemaForbidsThem() {
    String closed = "{\"properties\": {\"name\": {\"type\": \"string\"}, \"age\": {\"type\": \"integer\"}},"
        + " \"additionalProperties\": false}";
    Verification v = kit.verify(withSchema(closed), List.of(NAME, AGE, "\"city\": \"Paris\""));
    assertThat(stepCodes(v, 2)).containsExactlyInAnyOrder("JSON_KEY_NOT_REQUESTED", "JSON_SCHEMA_VIOLATION");
    assertThat(v.failingSteps()).containsExactly(2);
    assertThat(v.outputFailures()).isEmpty();
  }

  @Test
  void keysForbiddenInsideACombinatorFailTheirStep() {
    String allOf = "{\"allOf\": [{\"properties\": {\"name\": {}, \"age\": {}}, \"additionalProperties\": false}]}";
    Verification v = kit.verify(withSchema(allOf), List.of(NAME, AGE, "\"city\": \"Paris\""));
    assertThat(stepCodes(v, 2)).containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(v.outputFailures()).isEmpty();
  }

  @Test
  void conditionallyRequiredKeysFailTheOutput() {
    String ifThen = "{\"properties\": {\"name\": {}, \"age\": {}, \"city\": {}},"
        + " \"if\": {\"properties\": {\"age\": {\"minimum\": 18}}}, \"then\": {\"required\": [\"city\"]}}";
    Verification v = kit.verify(withSchema(ifThen), List.of(NAME, AGE));
    assertThat(outputCodes(v)).containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(v.outputFailures().get(0).reason()).contains("city");
    assertThat(kit.verify(withSchema(ifThen), List.of(NAME, AGE, "\"city\": \"Paris\"")).passed()).isTrue();
  }

  @Test
  void valueNotGrounded() {
    Verification v = kit.verify(ALICE, List.of("\"name\": \"Bob Jones\"", "\"age\": 30"));
    assertThat(stepCodes(v, 0)).containsExactly("JSON_VALUE_NOT_GROUNDED");
    assertThat(stepCodes(v, 1)).containsExactly("JSON_VALUE_NOT_GROUNDED");
    assertThat(v.outputFailures()).isEmpty();
  }

  @Test
  void nullAndBooleansOnlyWhenTheSchemaAllowsThem() {
    assertThat(stepCodes(kit.verify(ALICE, List.of(NAME, "\"age\": null")), 1)).containsExactly("JSON_VALUE_NOT_GROUNDED");
    String nullable = "{\"properties\": {\"age\": {\"type\": [\"integer\", \"null\"]}}}";
    assertThat(kit.verify(withSchema(nullable), List.of(NAME, "\"age\": null")).passed()).isTrue();
  }

  @Test
  void schemaViolationInAValueFailsThatStep() {
    String schema = "{\"properties\": {\"name\": {\"type\": \"string\"}, \"age\": {\"type\": \"integer\", \"maximum\": 30}}}";
    Verification v = kit.verify(withSchema(schema), List.of(NAME, AGE));
    assertThat(stepCodes(v, 1)).containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(v.stepFailures().get(1).get(0).reason()).contains("#/age");
    assertThat(v.stepPassed(0)).isTrue();

    Verification typed = kit.verify(withSchema(schema), List.of(NAME, "\"age\": \"31\""));
    assertThat(stepCodes(typed, 1)).containsExactly("JSON_SCHEMA_VIOLATION");
  }

  @Test
  void schemaViolationOfTheObjectFailsTheOutput() {
    String schema = "{\"properties\": {\"name\": {}, \"age\": {}}, \"minProperties\": 3}";
    Verification v = kit.verify(withSchema(schema), List.of(NAME, AGE));
    assertThat(outputCodes(v)).containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(v.failingSteps()).isEmpty();
  }

  @Test
  void requiredKeyMissing() {
    Verification v = kit.verify(ALICE, List.of(NAME));
    assertThat(outputCodes(v)).containsExactly("JSON_REQUIRED_KEY_MISSING");
    assertThat(v.outputFailures().get(0).reason()).contains("\"age\"");

    String schema = "{\"properties\": {\"city\": {\"type\": \"string\"}}, \"required\": [\"city\"]}";
    Verification bySchema = kit.verify(withSchema(schema), List.of(NAME, AGE));
    assertThat(outputCodes(bySchema)).containsExactly("JSON_REQUIRED_KEY_MISSING");
    assertThat(bySchema.outputFailures().get(0).reason()).contains("\"city\"");
  }

  @Test
  void optionalSchemaKeysMayBeLeftOut() {
    String schema = "{\"properties\": {\"city\": {\"type\": \"string\"}}}";
    assertThat(kit.verify(withSchema(schema), List.of(NAME, AGE)).passed()).isTrue();
  }

  @Test
  void duplicateKey() {
    Verification v = kit.verify(ALICE, List.of(NAME, AGE, "\"name\": \"Alice\""));
    assertThat(stepCodes(v, 2)).containsExactly("JSON_DUPLICATE_KEY");
    assertThat(v.stepPassed(0)).isTrue();
    assertThat(outputCodes(v)).contains("JSON_INVALID");
  }

  @Test
  void noStepsAtAllFails() {
    assertThat(kit.verify(ALICE, List.of()).passed()).isFalse();
  }
}
