package io.stepcache.packs.json.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonOracleTest {

  private final JsonOracle oracle = new JsonOracle();

  private String answer(TaskRequest request) {
    return oracle.answer(ExtractionPrompts.full(ExtractionTask.of(request))).orElseThrow();
  }

  private String answer(String prompt) {
    return answer(TaskRequest.of(prompt));
  }

  @Test
  void answersTheBriefExamplesOneKeyPerLine() {
    assertThat(answer("Extract name and age as JSON from: \"Alice Smith is 31 years old.\""))
        .isEqualTo("{\n  \"name\": \"Alice Smith\",\n  \"age\": 31\n}");
    assertThat(answer("Return a JSON object with keys title, year. Text: The film Heat came out in 1995."))
        .isEqualTo("{\n  \"title\": \"Heat\",\n  \"year\": 1995\n}");
    assertThat(answer("Give me JSON (name, email) for this contact: name: Bob, email: bob@example.com"))
        .isEqualTo("{\n  \"name\": \"Bob\",\n  \"email\": \"bob@example.com\"\n}");
  }

  @Test
  void readsLabelledValuesAndCommonShapes() {
    assertThat(answer("Extract city, phone and price as JSON: She lives in New York, phone +1 555-123-4567, paid $1,200.50."))
        .isEqualTo("{\n  \"city\": \"New York\",\n  \"phone\": \"+1 555-123-4567\",\n  \"price\": 1200.5\n}");
    assertThat(answer("Extract firstName and status as JSON: first name = Eve; status is active."))
        .isEqualTo("{\n  \"firstName\": \"Eve\",\n  \"status\": \"active\"\n}");
  }

  @Test
  void followsSchemaTypes() {
    String schema = "{\"properties\":{\"age\":{\"type\":\"string\"},\"member\":{\"type\":\"boolean\"}}}";
    assertThat(answer(JsonOptions.request("Extract as JSON: Alice is 31 years old. member: yes", schema, List.of())))
        .isEqualTo("{\n  \"age\": \"31\",\n  \"member\": true\n}");
  }

  @Test
  void nullWhenTheTextHasNoValue() {
    assertThat(answer("Extract name and email as JSON from: \"Alice Smith is 31 years old.\""))
        .isEqualTo("{\n  \"name\": \"Alice Smith\",\n  \"email\": null\n}");
  }

  @Test
  void answersFocusedPromptsWithTheListedKeysOnly() {
    ExtractionTask task = ExtractionTask.of(TaskRequest.of("Extract name and age as JSON from: Bob is 45 years old."));
    String prompt = ExtractionPrompts.focused(task.keys().subList(1, 2), task.prompt().sourceText());
    assertThat(oracle.answer(prompt)).contains("{\n  \"age\": 45\n}");
  }

  @Test
  void answersFocusedPromptsWithTheirTypes() {
    String text = "Lena Nguyen, aged 73, works remotely from Dublin and answers mail at lena39@corp.example.";
    String prompt = ExtractionPrompts.focused(List.of(
        new KeySpec("age", List.of("string"), true), new KeySpec("email", List.of(), true)), text);
    assertThat(oracle.answer(prompt)).contains("{\n  \"age\": \"73\",\n  \"email\": \"lena39@corp.example\"\n}");
  }

  @Test
  void ignoresPromptsItDidNotBuild() {
    assertThat(oracle.answer("Solve 3x + 5 = 20")).isEmpty();
    assertThat(oracle.answer("Extract name as JSON from: Alice")).isEmpty();
  }
}
