package io.stepcache.packs.json.paths;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Under random model errors, every answer that claims to be verified is one valid JSON object with
 * every required key and the right values; anything else says it is unverified.
 */
class HonestyTest {

  private static final String SCHEMA = "{\"type\": \"object\", \"properties\": {\"title\": {\"type\": \"string\"},"
      + " \"year\": {\"type\": \"integer\"}}, \"required\": [\"title\", \"year\"], \"additionalProperties\": false}";
  private static final List<CompletionRequest> REQUESTS = List.of(
      CompletionRequest.of("Extract name and age as JSON from: \"Alice Smith is 31 years old.\"", "json"),
      CompletionRequest.of("Extract name and age as JSON from: \"Bob Jones is 45 years old.\"", "json"),
      CompletionRequest.of("Give me JSON (name, email) for this contact: name: Bob, email: bob@example.com", "json"),
      CompletionRequest.of("Give me JSON (name, email) for this contact: name: Eve, email: eve@example.org", "json"),
      new CompletionRequest("Return the film as JSON. Text: The film Heat came out in 1995.", "json", null, SCHEMA,
          List.of(), null, null, null),
      new CompletionRequest("Return the film as JSON. Text: The film Alien came out in 1979.", "json", null, SCHEMA,
          List.of(), null, null, null),
      CompletionRequest.of("Extract name, age, city and email as JSON from: Lena Nguyen, aged 73, works remotely from"
          + " Dublin and answers mail at lena39@corp.example.", "json"),
      CompletionRequest.of("Extract name, age, city and email as JSON from: Samir Costa, aged 41, works remotely from"
          + " Quito and answers mail at samir.costa@example.org.", "json"),
      CompletionRequest.of("Extract name, age, city and email as JSON from: Samir Costa, aged 73, works remotely from"
          + " Dublin and answers mail at lena39@corp.example.", "json"));
  private static final List<String> EXPECTED = List.of(
      "{\"name\":\"Alice Smith\",\"age\":31}",
      "{\"name\":\"Bob Jones\",\"age\":45}",
      "{\"name\":\"Bob\",\"email\":\"bob@example.com\"}",
      "{\"name\":\"Eve\",\"email\":\"eve@example.org\"}",
      "{\"title\":\"Heat\",\"year\":1995}",
      "{\"title\":\"Alien\",\"year\":1979}",
      "{\"name\":\"Lena Nguyen\",\"age\":73,\"city\":\"Dublin\",\"email\":\"lena39@corp.example\"}",
      "{\"name\":\"Samir Costa\",\"age\":41,\"city\":\"Quito\",\"email\":\"samir.costa@example.org\"}",
      "{\"name\":\"Samir Costa\",\"age\":73,\"city\":\"Dublin\",\"email\":\"lena39@corp.example\"}");

  @Test
  void verifiedAnswersAreAlwaysCorrectJson() {
    ErrorInjection errors = ErrorInjection.none().withMalformedJson(0.1).withMissingJsonKey(0.1).withTruncated(0.05)
        .withWrongArithmetic(0.05);
    int verified = 0;
    int unverified = 0;
    for (long seed = 1; seed <= 15; seed++) {
      try (PackTestKit kit = PackTestKit.forPack(new JsonTaskPack()).seed(seed).errors(errors).build()) {
        for (int round = 0; round < 2; round++) {
          for (int i = 0; i < REQUESTS.size(); i++) {
            CompletionResult r = kit.complete(REQUESTS.get(i));
            if (r.verified()) {
              verified++;
              assertThat(new JSONObject(r.answerJson()).similar(new JSONObject(EXPECTED.get(i))))
                  .as("seed %d request %d: %s", seed, i, r.answerJson())
                  .isTrue();
              assertThat(new JSONObject(r.output()).similar(new JSONObject(EXPECTED.get(i)))).isTrue();
            } else {
              unverified++;
              assertThat(r.findings()).isNotEmpty();
            }
          }
        }
      }
    }
    assertThat(verified).as("verified answers").isPositive();
    assertThat(unverified).as("unverified answers").isPositive();
  }
}
