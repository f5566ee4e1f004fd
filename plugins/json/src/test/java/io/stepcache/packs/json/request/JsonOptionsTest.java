package io.stepcache.packs.json.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The json pack reads its schema and required keys from the request options. */
class JsonOptionsTest {

  private static final String PROMPT = "Extract the person as JSON: Alice Smith is 31 years old.";
  private static final String SCHEMA = """
      {"type":"object","required":["name"],"properties":{"name":{"type":"string"},"age":{"type":"integer"}}}""";

  private final PackParts json = new JsonTaskPack().parts(PackContext.of(Map.of()));

  private static TaskRequest withOptions(Map<String, ?> options) {
    return new TaskRequest(PROMPT, RequestOptions.of(options));
  }

  @Test
  void schemaAndRequiredKeysAreReadFromTheOptions() {
    ExtractionTask task = ExtractionTask.of(withOptions(Map.of("schema", SCHEMA, "requiredKeys", List.of("email"))));
    assertThat(task.keyNames()).containsExactly("email", "name", "age");
    assertThat(task.key("age").orElseThrow().numeric()).isTrue();
    assertThat(task.schema()).isNotNull();
    assertThat(json.detector().claim(withOptions(Map.of("requiredKeys", List.of("name"))))).isEqualTo(0.95);
    assertThat(json.detector().claim(withOptions(Map.of("schema", SCHEMA)))).isEqualTo(0.95);
  }

  @Test
  void otherOptionsAreIgnored() {
    Signature plain = json.analyser().analyse(withOptions(Map.of("schema", SCHEMA)));
    Signature more = json.analyser().analyse(withOptions(Map.of("schema", SCHEMA, "temperatureHint", 0.2)));
    assertThat(more).isEqualTo(plain);
  }

  @Test
  @SuppressWarnings("deprecation")
  void theOneDotZeroRequestAndTheOptionsRequestAreTheSameToThePack() {
    TaskRequest old = new TaskRequest(PROMPT, SCHEMA, List.of("name", "email"));
    TaskRequest now = withOptions(Map.of("schema", SCHEMA, "requiredKeys", List.of("name", "email")));
    assertThat(now).isEqualTo(old).isEqualTo(JsonOptions.request(PROMPT, SCHEMA, List.of("name", "email")));
    Signature a = json.analyser().analyse(old);
    Signature b = json.analyser().analyse(now);
    assertThat(b).isEqualTo(a);
    assertThat(b.structureKey()).isEqualTo("json|extract the person as json|k0:string!,k1:any!,k2:integer?|extra=open");
    assertThat(json.analyser().evidence(now, "age")).isEqualTo(json.analyser().evidence(old, "age"));
    assertThat(json.prompts().fullPrompt(now)).isEqualTo(json.prompts().fullPrompt(old));
  }

  @Test
  void optionsOfTheWrongTypeAreTheUsersMistake() {
    assertThatThrownBy(() -> json.analyser().analyse(withOptions(Map.of("requiredKeys", "name"))))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("JSON_KEY_INVALID"))
        .hasMessageContaining("Option 'requiredKeys' must be a list of strings");
    assertThatThrownBy(() -> json.analyser().analyse(withOptions(Map.of("schema", Map.of("type", "object")))))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("JSON_SCHEMA_INVALID"))
        .hasMessageContaining("Option 'schema' must be a string");
    // the detector never throws: a request that carries them is still json's
    assertThat(json.detector().claim(withOptions(Map.of("requiredKeys", "name")))).isEqualTo(0.95);
    assertThat(json.detector().claim(withOptions(Map.of("requiredKeys", List.of())))).isLessThan(0.95);
  }
}
