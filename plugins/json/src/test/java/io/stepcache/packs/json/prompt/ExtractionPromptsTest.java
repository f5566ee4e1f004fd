package io.stepcache.packs.json.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionPromptsTest {

  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":[\"integer\",\"null\"]}}}";
  private static final ExtractionTask TASK = ExtractionTask.of(new TaskRequest(
      "Extract name and age as JSON from: \"Alice Smith is 31 years old.\"", SCHEMA, List.of("name")));

  @Test
  void fullPromptStatesKeysSchemaTextAndAnswerFormat() {
    String prompt = ExtractionPrompts.full(TASK);
    assertThat(prompt)
        .startsWith(ExtractionPrompts.FULL_HEADER)
        .contains("- \"name\": string, required\n- \"age\": integer|null, optional\n")
        .contains("<schema>\n" + SCHEMA + "\n</schema>")
        .contains("<text>\nAlice Smith is 31 years old.\n</text>")
        .contains("Answer with only the JSON object");
  }

  @Test
  void readerReadsBackEveryPromptKind() {
    List<KeySpec> keys = TASK.keys();
    assertThat(PromptReader.read(ExtractionPrompts.full(TASK)))
        .contains(new PromptReader.Reading(keys, "Alice Smith is 31 years old."));
    assertThat(PromptReader.read(ExtractionPrompts.repair(TASK, List.of("step 1: X: y"), "{\"name\": 1}")))
        .contains(new PromptReader.Reading(keys, "Alice Smith is 31 years old."));
    assertThat(PromptReader.read(ExtractionPrompts.partial(TASK, keys.subList(1, 2), List.of("step 2: X: y"))))
        .contains(new PromptReader.Reading(keys.subList(1, 2), "Alice Smith is 31 years old."));
  }

  @Test
  void repairPromptsListTheProblems() {
    String prompt = ExtractionPrompts.repair(TASK, List.of("step 2: JSON_VALUE_NOT_GROUNDED: Value 30"), "{\"age\": 30}");
    assertThat(prompt).contains("- step 2: JSON_VALUE_NOT_GROUNDED: Value 30\n").contains("<previous>\n{\"age\": 30}\n</previous>");
  }

  @Test
  void otherPromptsAreNotRead() {
    assertThat(PromptReader.read("Solve 3x + 5 = 20")).isEmpty();
    assertThat(PromptReader.read(ExtractionPrompts.FULL_HEADER + "\nno keys, no text")).isEmpty();
  }
}
