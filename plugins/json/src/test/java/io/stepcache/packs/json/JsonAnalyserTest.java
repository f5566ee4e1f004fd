package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonAnalyserTest {

  private final JsonAnalyser analyser = new JsonAnalyser();

  private Signature analyse(String prompt) {
    return analyser.analyse(TaskRequest.of(prompt));
  }

  @Test
  void structureKeyAbstractsKeysAndLeavesOutTheSourceText() {
    Signature s = analyse("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"");
    assertThat(s.structureKey()).isEqualTo("json|extract {{k0}} and {{k1}} as json from|k0:any!,k1:any!|extra=none");
    assertThat(s.bindings()).containsExactly(
        Map.entry("k0", "name"), Map.entry("k1", "age"), Map.entry("source", "Alice Smith is 31 years old."));
    assertThat(s.features()).containsExactly(
        Map.entry("kind", "extraction"), Map.entry("keys", "2"),
        Map.entry("type.name", "any"), Map.entry("type.age", "any"));
  }

  @Test
  void sameStructureForOtherSourceTextAndWhitespaceOrCase() {
    Signature a = analyse("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"");
    Signature b = analyse("Extract  name and age as json FROM:\n\"Bob Jones is 45 years old.\"");
    assertThat(b.structureKey()).isEqualTo(a.structureKey());
    assertThat(b.binding("k0")).isEqualTo(a.binding("k0"));
    assertThat(b.binding("k1")).isEqualTo(a.binding("k1"));
    assertThat(b.binding("source")).isEqualTo("Bob Jones is 45 years old.");
  }

  @Test
  void sameStructureForRenamedKeysAtTheSamePositions() {
    Signature a = analyse("Give me JSON (name, email) for this contact: name: Bob, email: bob@example.com");
    Signature b = analyse("Give me JSON (fullName, mail) for this contact: fullName: Eve, mail: eve@example.com");
    assertThat(b.structureKey()).isEqualTo(a.structureKey());
    assertThat(b.bindings()).containsExactly(Map.entry("k0", "fullName"), Map.entry("k1", "mail"),
        Map.entry("source", "fullName: Eve, mail: eve@example.com"));
  }

  @Test
  void renamedRequiredKeysKeepTheStructure() {
    Signature a = analyser.analyse(JsonOptions.request("Extract the contact as JSON: Bob", null, List.of("name", "email")));
    Signature b = analyser.analyse(JsonOptions.request("Extract the contact as JSON: Eve", null, List.of("name", "mail")));
    assertThat(b.structureKey()).isEqualTo(a.structureKey());
    assertThat(b.binding("k1")).isEqualTo("mail");
  }

  @Test
  void moreKeysOrOtherInstructionsChangeTheStructure() {
    Signature two = analyse("Extract name and age as JSON from: Alice is 31");
    assertThat(analyse("Extract name, age and city as JSON from: Alice is 31").structureKey())
        .isNotEqualTo(two.structureKey());
    assertThat(analyse("Pull name and age out as JSON from: Alice is 31").structureKey())
        .isNotEqualTo(two.structureKey());
  }

  @Test
  void schemaShapeIsPartOfTheStructureAndTypesAreFeatures() {
    String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
        + "\"age\":{\"type\":\"integer\"},\"city\":{\"type\":\"string\"}},"
        + "\"required\":[\"name\",\"age\"],\"additionalProperties\":false}";
    Signature s = analyser.analyse(JsonOptions.request("Extract the person as JSON: Alice, 31", schema, List.of()));
    assertThat(s.structureKey())
        .isEqualTo("json|extract the person as json|k0:string!,k1:integer!,k2:string?|extra=closed");
    assertThat(s.feature("type.age")).isEqualTo("integer");

    String retyped = schema.replace("\"integer\"", "\"string\"");
    assertThat(analyser.analyse(JsonOptions.request("Extract the person as JSON: Alice, 31", retyped, List.of())).structureKey())
        .isNotEqualTo(s.structureKey());
    String renamed = schema.replace("city", "town");
    assertThat(analyser.analyse(JsonOptions.request("Extract the person as JSON: Eve, 5", renamed, List.of())).structureKey())
        .isEqualTo(s.structureKey());
  }

  @Test
  void invalidSchemasAreTaskInputErrors() {
    assertThatThrownBy(() -> analyser.analyse(JsonOptions.request("JSON: x", "{not json", List.of())))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("JSON_SCHEMA_INVALID"));
    assertThatThrownBy(() -> analyser.analyse(JsonOptions.request("JSON: x", "{\"required\": \"name\"}", List.of())))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("JSON_SCHEMA_INVALID"));
  }

  @Test
  void noKeysIsATaskInputError() {
    assertThatThrownBy(() -> analyse("Give me JSON: Alice is 31"))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("JSON_NO_KEYS"));
  }
}
