package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDetectorTest {

  private final JsonDetector detector = new JsonDetector();

  @Test
  void claimsPromptsAskingForJson() {
    assertThat(detector.claim(TaskRequest.of("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"")))
        .isGreaterThanOrEqualTo(0.8);
    assertThat(detector.claim(TaskRequest.of("Return a JSON object with keys title, year. Text: Heat, 1995")))
        .isGreaterThanOrEqualTo(0.9);
    assertThat(detector.claim(TaskRequest.of("Give me json (name, email) for this contact: Bob")))
        .isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void claimsRequestsWithSchemaOrRequiredKeysWhateverThePrompt() {
    assertThat(detector.claim(JsonOptions.request("Who is this? Alice, 31", "{}", List.of()))).isGreaterThan(0.9);
    assertThat(detector.claim(JsonOptions.request("Who is this? Alice, 31", null, List.of("name")))).isGreaterThan(0.9);
  }

  @Test
  void mentionOfASchemaIsAWeakClaim() {
    assertThat(detector.claim(TaskRequest.of("Fill this schema from: Alice, 31"))).isBetween(0.1, 0.7);
  }

  @Test
  void leavesEquationsAndProseAlone() {
    assertThat(detector.claim(TaskRequest.of("Solve 3x + 5 = 20"))).isZero();
    assertThat(detector.claim(TaskRequest.of("Solve for y: 2y - 4 = 10."))).isZero();
    assertThat(detector.claim(TaskRequest.of("What is the capital of France?"))).isZero();
    assertThat(detector.claim(TaskRequest.of("Tell me about Jason's jsonification plans"))).isZero();
  }
}
