package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSegmenterTest {

  private static final TaskRequest REQUEST = TaskRequest.of("Extract name and age as JSON from: Alice Smith is 31.");
  private final JsonSegmenter segmenter = new JsonSegmenter();

  private List<String> segment(String output) {
    return segmenter.segment(output, REQUEST);
  }

  @Test
  void oneCompactStepPerTopLevelKeyInObjectOrder() {
    assertThat(segment("{\n  \"name\" :   \"Alice Smith\",\n  \"age\": 31,\n  \"tags\": [ \"a\", {\"b\" : null} ]\n}"))
        .containsExactly("\"name\": \"Alice Smith\"", "\"age\": 31", "\"tags\": [\"a\",{\"b\":null}]");
  }

  @Test
  void stripsFencesAndChatter() {
    String output = "Sure! Here is the JSON you asked for:\n```json\n{\"name\": \"Alice\", \"age\": 31}\n```\n"
        + "Let me know if you need {anything} else.";
    assertThat(segment(output)).containsExactly("\"name\": \"Alice\"", "\"age\": 31");
    assertThat(segment("The answer is {\"name\": \"Bob\"} as requested.")).containsExactly("\"name\": \"Bob\"");
  }

  @Test
  void skipsBracedChatterBeforeTheObject() {
    assertThat(segment("Result {see below}: {\"name\": \"Bob\"}")).containsExactly("\"name\": \"Bob\"");
  }

  @Test
  void bracesAndCommasInsideStringsDoNotSplit() {
    assertThat(segment("{\"note\": \"a, {b} \\\"c\\\", d\", \"n\": 1}"))
        .containsExactly("\"note\": \"a, {b} \\\"c\\\", d\"", "\"n\": 1");
  }

  @Test
  void toleratesATrailingComma() {
    assertThat(segment("{\n  \"name\": \"Alice\",\n}")).containsExactly("\"name\": \"Alice\"");
  }

  @Test
  void keepsAMemberWithABrokenValueAsItIs() {
    assertThat(segment("{\"name\": Alice, \"age\": 31}")).containsExactly("\"name\": Alice", "\"age\": 31");
  }

  @Test
  void noStepsForMissingOrBrokenJson() {
    assertThat(segment("I could not find anything.")).isEmpty();
    assertThat(segment("{\n  \"name\": \"Alice\",\n  \"age\": 31\n")).isEmpty();
    assertThat(segment("{\n  \"name\": \"Alice,\n  \"age\": 31\n}")).isEmpty();
    assertThat(segment("{\"a\": {\"b\": 1}, \"c\": 2")).isEmpty();
    assertThat(segment("{}")).isEmpty();
    assertThat(segment("{name: \"Alice\"}")).isEmpty();
  }

  @Test
  void theSlotOfAStepIsItsKeyOrElseItsPosition() {
    assertThat(segmenter.slot("\"age\": 31", 4)).isEqualTo("age");
    assertThat(segmenter.slot("\"age\": thirty", 4)).isEqualTo("age");
    assertThat(segmenter.slot("no key here", 4)).isEqualTo("4");
  }
}
