package io.stepcache.bench.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonArrayElementsTest {

  @Test
  void anElementIsCompleteOnceTheNextOneHasBegun() {
    assertThat(JsonArrayElements.of("[\"L1 a\"")).containsExactly("\"L1 a\"");
    assertThat(JsonArrayElements.complete("[\"L1 a\"")).isZero();
    assertThat(JsonArrayElements.complete("[\"L1 a\",")).isZero();
    assertThat(JsonArrayElements.of("[\"L1 a\", \"")).containsExactly("\"L1 a\"", "\"");
    assertThat(JsonArrayElements.complete("[\"L1 a\", \"")).isEqualTo(1);
    assertThat(JsonArrayElements.of("[\"L1 a\",\"L2 b")).containsExactly("\"L1 a\"", "\"L2 b");
  }

  @Test
  void aWholeArrayGivesEveryElementWithItsQuotes() {
    assertThat(JsonArrayElements.of("[\"L1 a\",\"L2 b\",\"L3 c\" ]")).containsExactly("\"L1 a\"", "\"L2 b\"", "\"L3 c\"");
    assertThat(JsonArrayElements.complete("[\"L1 a\",\"L2 b\",\"L3 c\" ]")).isEqualTo(2);
  }

  @Test
  void blanksAroundElementsAndEscapesInsideThemAreRead() {
    assertThat(JsonArrayElements.of("\n [\n  \"say \\\"hi\\\", \\\\\" ,\n\t\"x\"\n]"))
        .containsExactly("\"say \\\"hi\\\", \\\\\"", "\"x\"");
    // an escaped quote does not close the element
    assertThat(JsonArrayElements.of("[\"a\\\"")).containsExactly("\"a\\\"");
    assertThat(JsonArrayElements.complete("[\"a\\\", \"")).isZero();
  }

  @Test
  void readingStopsAtWhatIsNoArrayOfStrings() {
    assertThat(JsonArrayElements.of("")).isEmpty();
    assertThat(JsonArrayElements.of("{\"a\": 1}")).isEmpty();
    assertThat(JsonArrayElements.of("Sure! [\"a\"]")).isEmpty();
    assertThat(JsonArrayElements.of("[1, \"a\"]")).isEmpty();
    assertThat(JsonArrayElements.of("[\"a\" x \"b\"]")).containsExactly("\"a\"");
    assertThat(JsonArrayElements.of("[\"a\", 2]")).containsExactly("\"a\"");
  }
}
