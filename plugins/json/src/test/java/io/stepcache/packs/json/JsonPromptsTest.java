package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.prompt.PromptReader;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonPromptsTest {

  private static final TaskRequest REQUEST =
      TaskRequest.of("Extract name, age and city as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"");
  private final JsonPrompts prompts = new JsonPrompts();

  @Test
  void theConfirmationPromptAsksForTheStepsKeysInRequestOrderWithoutTheirValues() {
    String prompt = prompts.confirmationPrompt(REQUEST, List.of("\"city\": \"Paris\"", "\"name\": \"Alice Smith\""));
    assertThat(prompt).startsWith(ExtractionPrompts.FOCUSED_HEADER).doesNotContain("\"Paris\"");
    PromptReader.Reading reading = PromptReader.read(prompt).orElseThrow();
    assertThat(reading.keys()).extracting(KeySpec::name).containsExactly("name", "city");
    assertThat(reading.sourceText()).isEqualTo("Alice Smith is 31 years old and lives in Paris.");
    assertThat(prompt).isNotEqualTo(prompts.fullPrompt(REQUEST));
  }

  @Test
  void withoutARequestedKeyItIsTheFullPrompt() {
    assertThat(prompts.confirmationPrompt(REQUEST, List.of("garbage", "\"town\": \"Paris\"")))
        .isEqualTo(prompts.fullPrompt(REQUEST));
  }

  @Test
  void theSimulatedOracleAnswersIt() {
    String prompt = prompts.confirmationPrompt(REQUEST, List.of("\"age\": 31"));
    assertThat(new JsonTaskPack().parts(PackContext.of(Map.of())).oracle().orElseThrow().answer(prompt)).hasValueSatisfying(
        answer -> assertThat(answer).contains("\"age\": 31"));
  }
}
