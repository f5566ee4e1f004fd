package io.stepcache.packs.json.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.backend.Tokens;
import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionPromptsTest {

  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"age\":{\"type\":[\"integer\",\"null\"]}}}";
  private static final ExtractionTask TASK = ExtractionTask.of(JsonOptions.request(
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
  void readerReadsBackBothPromptKinds() {
    List<KeySpec> keys = TASK.keys();
    assertThat(PromptReader.read(ExtractionPrompts.full(TASK)))
        .contains(new PromptReader.Reading(keys, "Alice Smith is 31 years old."));
    assertThat(PromptReader.read(ExtractionPrompts.focused(keys.subList(1, 2), "Alice Smith is 31 years old.")))
        .contains(new PromptReader.Reading(
            List.of(new KeySpec("age", List.of("integer", "null"), true)), "Alice Smith is 31 years old."));
  }

  @Test
  void focusedPromptNamesOnlyItsKeysWithTypesAndTheText() {
    List<KeySpec> keys = List.of(
        new KeySpec("age", List.of("integer"), true),
        new KeySpec("home city", List.of(), false),
        new KeySpec("a\"b", List.of("string", "null"), true));
    String text = "Alice Smith is 31 years old.\nText:\nShe lives in Rome.";
    String prompt = ExtractionPrompts.focused(keys, text);
    assertThat(prompt).isEqualTo(ExtractionPrompts.FOCUSED_HEADER
        + "\nage: integer\n\"home city\"\n\"a\\\"b\": string|null\nText:\n" + text);
    assertThat(PromptReader.read(prompt)).contains(new PromptReader.Reading(List.of(
        new KeySpec("age", List.of("integer"), true),
        new KeySpec("home city", List.of(), true),
        new KeySpec("a\"b", List.of("string", "null"), true)), text));
  }

  @Test
  void focusedPromptCostsTheSourceTextPlusFewerThan40Tokens() {
    String text = "Lena Nguyen, aged 73, works remotely from Dublin and answers mail at lena39@corp.example"
        + " or on +46 361 151 5436.";
    List<KeySpec> four = List.of(new KeySpec("name", List.of("string"), true), new KeySpec("age", List.of("integer"), true),
        new KeySpec("city", List.of("string"), true), new KeySpec("email", List.of("string"), true));
    String full = ExtractionPrompts.full(ExtractionTask.of(TaskRequest.of("Extract name, age, city and email as JSON from: " + text)));
    for (int n = 1; n <= 4; n++) {
      long overhead = Tokens.count(ExtractionPrompts.focused(four.subList(0, n), text)) - Tokens.count(text);
      assertThat(overhead).as("%d key(s)", n).isLessThan(40);
    }
    assertThat(Tokens.count(ExtractionPrompts.focused(four.subList(0, 1), text))).isLessThan(Tokens.count(full) / 2);
  }

  @Test
  void otherPromptsAreNotRead() {
    assertThat(PromptReader.read("Solve 3x + 5 = 20")).isEmpty();
    assertThat(PromptReader.read(ExtractionPrompts.FULL_HEADER + "\nno keys, no text")).isEmpty();
    assertThat(PromptReader.read(ExtractionPrompts.FOCUSED_HEADER + "\nage\nno text line")).isEmpty();
    assertThat(PromptReader.read(ExtractionPrompts.FOCUSED_HEADER + "\nText:\nno keys")).isEmpty();
    assertThat(PromptReader.read(ExtractionPrompts.FOCUSED_HEADER + "\nnot a key line\nText:\nx")).isEmpty();
  }
}
