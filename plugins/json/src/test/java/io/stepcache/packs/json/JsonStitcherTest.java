package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonStitcherTest {

  private static final TaskRequest REQUEST = TaskRequest.of("Extract name and age as JSON from: Alice Smith is 31.");
  private static final Signature SIGNATURE = new Signature("s", Map.of(), Map.of());
  private final JsonStitcher stitcher = new JsonStitcher();

  @Test
  void stitchesAPrettyObject() {
    assertThat(stitcher.stitch(List.of("\"name\": \"Alice\"", "\"age\": 31"), REQUEST))
        .isEqualTo("{\n  \"name\": \"Alice\",\n  \"age\": 31\n}");
    assertThat(stitcher.stitch(List.of(), REQUEST)).isEqualTo("{}");
  }

  @Test
  void answerIsTheCompactObjectInStepOrder() {
    assertThat(stitcher.answerJson(List.of("\"name\": \"Alice\"", "\"age\": 31", "\"a\": {\"x\": [1, 2]}"), REQUEST, SIGNATURE))
        .isEqualTo("{\"name\":\"Alice\",\"age\":31,\"a\":{\"x\":[1,2]}}");
  }

  @Test
  void noAnswerWhenTheStepsDoNotMakeOneObject() {
    assertThat(stitcher.answerJson(List.of("\"name\": Alice", "\"age\": 31"), REQUEST, SIGNATURE)).isNull();
    assertThat(stitcher.answerJson(List.of("\"age\": 30", "\"age\": 31"), REQUEST, SIGNATURE)).isNull();
    assertThat(stitcher.answerJson(List.of("\"a\": 1, \"b\": 2"), REQUEST, SIGNATURE)).isNull();
    assertThat(stitcher.answerJson(List.of(), REQUEST, SIGNATURE)).isNull();
  }
}
