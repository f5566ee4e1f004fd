package io.stepcache.packs.json.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.spi.TaskInputException;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionTaskTest {

  private static ExtractionTask task(String prompt) {
    return ExtractionTask.of(TaskRequest.of(prompt));
  }

  @Test
  void keysNamedInThePrompt() {
    assertThat(task("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"").keyNames())
        .containsExactly("name", "age");
    assertThat(task("Return a JSON object with keys title, year. Text: The film Heat came out in 1995.").keyNames())
        .containsExactly("title", "year");
    assertThat(task("Give me JSON (name, email) for this contact: name: Bob, email: bob@example.com").keyNames())
        .containsExactly("name", "email");
    assertThat(task("Extract name, age, and city as JSON from: Alice, 31, Paris").keyNames())
        .containsExactly("name", "age", "city");
    assertThat(task("Get JSON with firstName and lastName from: Alice Smith").keyNames())
        .containsExactly("firstName", "lastName");
    assertThat(task("Extract the full name and age of the person as JSON: Alice Smith, 31").keyNames())
        .containsExactly("full_name", "age");
  }

  @Test
  void promptKeysAreRequiredAndUntyped() {
    KeySpec name = task("Extract name and age as JSON from: Alice is 31").keys().get(0);
    assertThat(name).isEqualTo(new KeySpec("name", List.of(), true));
  }

  @Test
  void proseIsNotReadAsKeys() {
    assertThatThrownBy(() -> task("Extract the data as JSON (see below): Alice is 31"))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("JSON_NO_KEYS"));
  }

  @Test
  void keysComeFromRequiredKeysThenSchemaThenPrompt() {
    String schema = """
        {"type": "object",
         "properties": {"zip": {"type": "string"}, "city": {"type": "string"}, "age": {"type": "integer"}},
         "required": ["city"]}""";
    ExtractionTask task = ExtractionTask.of(JsonOptions.request(
        "Return a JSON object with keys name, city. Text: Alice, 31, lives in Paris 75001", schema, List.of("email")));
    assertThat(task.keyNames()).containsExactly("email", "city", "zip", "age", "name");
    assertThat(task.key("zip")).contains(new KeySpec("zip", List.of("string"), false));
    assertThat(task.key("age").orElseThrow().numeric()).isTrue();
    assertThat(task.key("name").orElseThrow().required()).isTrue();
    assertThat(task.extraKeysAllowed()).isTrue();
  }

  @Test
  void looseVerbFormIsIgnoredWhenTheRequestNamesKeys() {
    ExtractionTask task = ExtractionTask.of(JsonOptions.request(
        "Extract the contact as JSON from: Bob, bob@example.com", null, List.of("name", "email")));
    assertThat(task.keyNames()).containsExactly("name", "email");
  }

  @Test
  void noKeysAndNoSchemaIsRejected() {
    assertThatThrownBy(() -> task("Turn this into JSON: Alice is 31"))
        .isInstanceOfSatisfying(TaskInputException.class, e -> {
          assertThat(e.code()).isEqualTo("JSON_NO_KEYS");
          assertThat(e.getMessage()).isEqualTo("Name the keys to extract in requiredKeys, a schema, or the prompt");
        });
  }

  @Test
  void aSchemaWithoutKeysIsEnough() {
    ExtractionTask task = ExtractionTask.of(JsonOptions.request("Turn this into JSON: Alice is 31", "{\"type\":\"object\"}", List.of()));
    assertThat(task.keys()).isEmpty();
  }

  @Test
  void blankRequiredKeyIsRejected() {
    assertThatThrownBy(() -> ExtractionTask.of(JsonOptions.request("JSON please: x", null, List.of("name", " "))))
        .isInstanceOfSatisfying(TaskInputException.class, e -> assertThat(e.code()).isEqualTo("JSON_KEY_INVALID"));
  }
}
