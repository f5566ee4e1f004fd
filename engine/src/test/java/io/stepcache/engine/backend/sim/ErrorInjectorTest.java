package io.stepcache.engine.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErrorInjectorTest {

  private static final String TEXT = "Guests rated the Seaview hotel in Lisbon 4 (not 5) out of 6.";
  private static final String PROMPT = "Extract a JSON object from the text below.\nKeys:\n- \"rating\": integer, required\n"
      + "Text:\n<text>\n" + TEXT + "\n</text>\nAnswer with only the JSON object, one key per line.";
  private static final String ANSWER = "{\n  \"hotel\": \"Seaview\",\n  \"rating\": 4\n}";
  private static final ErrorInjection ALWAYS = ErrorInjection.none().withGroundedDistractor(1.0);

  private static String inject(String answer, ErrorInjection e, long seed, String prompt) {
    return ErrorInjector.apply(answer, e, new SplittableRandom(seed), prompt).text();
  }

  @Test
  void aDistractorIsAnotherValueOfTheTextWithTheSameType() {
    Set<String> ratings = new HashSet<>();
    Set<String> hotels = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      String[] lines = inject(ANSWER, ALWAYS, seed, PROMPT).split("\n");
      assertThat(lines).hasSize(4);
      assertThat(lines[0]).isEqualTo("{");
      assertThat(lines[3]).isEqualTo("}");
      assertThat(lines[1]).matches("  \"hotel\": \"[A-Z][a-z]+\",");
      assertThat(lines[2]).matches("  \"rating\": \\d+");
      hotels.add(lines[1]);
      ratings.add(lines[2]);
    }
    // every other integer of the text, never the true 4; every other single capitalised word, never Seaview
    assertThat(ratings).containsExactlyInAnyOrder("  \"rating\": 5", "  \"rating\": 6");
    assertThat(hotels).containsExactlyInAnyOrder("  \"hotel\": \"Guests\",", "  \"hotel\": \"Lisbon\",");
  }

  @Test
  void candidatesKeepTheShapeOfTheValue() {
    String text = "Alice Smith, 34, lives with her brother Tom Smith, 37, in Denver, CO; mail alice@example.com "
        + "or tom@example.org, call +39 333 123 4567 or +1 555 010 9999 after 19:30 (or 18:00) on friday, monday "
        + "or sunday. The Desk Lamp now costs $49.90, down from $59.90.";
    assertThat(GroundedDistractor.candidates("\"Alice Smith\"", text)).containsExactly("\"Tom Smith\"", "\"Desk Lamp\"");
    assertThat(GroundedDistractor.candidates("\"Denver\"", text)).containsExactly("\"CO\"");
    assertThat(GroundedDistractor.candidates("\"alice@example.com\"", text)).containsExactly("\"tom@example.org\"");
    assertThat(GroundedDistractor.candidates("\"+39 333 123 4567\"", text)).containsExactly("\"+1 555 010 9999\"");
    assertThat(GroundedDistractor.candidates("\"19:30\"", text)).containsExactly("\"18:00\"");
    assertThat(GroundedDistractor.candidates("\"friday\"", text)).containsExactly("\"monday\"", "\"sunday\"");
    assertThat(GroundedDistractor.candidates("49.90", text)).contains("59.90", "34", "39").doesNotContain("49.90");
    // integers take integer tokens only (any digit run: the 39 of +39, the 010 of a phone as 10), never decimals
    assertThat(GroundedDistractor.candidates("34", text))
        .containsExactly("37", "39", "333", "123", "4567", "1", "555", "10", "9999", "19", "30", "18", "0");
    assertThat(GroundedDistractor.candidates("null", text)).isEmpty();
    assertThat(GroundedDistractor.candidates("true", text)).isEmpty();
  }

  @Test
  void lineStaysWhenTheTextHasNoOtherValueOfThatShape() {
    String prompt = "Extract these keys from the text as a JSON object (null if absent):\nyear: integer\nTotal\nText:\n"
        + "The album Quiet Tide came out in 1998.";
    String answer = "{\n  \"year\": 1998,\n  \"title\": \"Quiet Tide\",\n  \"seen\": null,\n  \"mail\": \"a@b.example\"\n}";
    assertThat(inject(answer, ALWAYS, 7, prompt)).isEqualTo(answer);
  }

  @Test
  void theSourceTextIsTheTextBlockElseAfterTextLineElseThePrompt() {
    assertThat(SourceText.of(PROMPT)).isEqualTo(TEXT);
    assertThat(SourceText.of("Extract these keys (null if absent):\nage\nText:\nBob is 3.\nHe is 4.")).isEqualTo("Bob is 3.\nHe is 4.");
    assertThat(SourceText.of("Bob is 3 and Ann is 4.")).isEqualTo("Bob is 3 and Ann is 4.");
    // without a source marker the whole prompt is the source text
    assertThat(inject("{\n  \"age\": 3\n}", ALWAYS, 1, "Bob is 3 and Ann is 4.")).isEqualTo("{\n  \"age\": 4\n}");
  }

  @Test
  void deterministicPerSeedAndAtTheConfiguredRate() {
    ErrorInjection e = ErrorInjection.none().withGroundedDistractor(0.3);
    int changed = 0;
    for (long seed = 0; seed < 2000; seed++) {
      String a = inject(ANSWER, e, seed, PROMPT);
      assertThat(inject(ANSWER, e, seed, PROMPT)).isEqualTo(a);
      String[] lines = a.split("\n");
      changed += lines[2].equals("  \"rating\": 4") ? 0 : 1;
    }
    assertThat(changed / 2000.0).isBetween(0.26, 0.34);
  }

  @Test
  void withoutTheNewRateEveryOtherKindDrawsAsBefore() {
    ErrorInjection old = new ErrorInjection(0.067, 0.0275, 0.02, 0.014, 0.007, Integer.MAX_VALUE);
    ErrorInjection withZero = old.withGroundedDistractor(0);
    assertThat(withZero).isEqualTo(new ErrorInjection(0.067, 0.0275, 0.02, 0.014, 0.007, Integer.MAX_VALUE, 0));
    for (long seed = 0; seed < 300; seed++) {
      assertThat(inject(ANSWER, withZero, seed, PROMPT))
          .isEqualTo(ErrorInjector.apply(ANSWER, old, new SplittableRandom(seed)).text());
    }
    // the other kinds keep their slices: with both, a line that drew an old kind gets that kind
    ErrorInjection both = old.withGroundedDistractor(0.05);
    int same = 0;
    for (long seed = 0; seed < 300; seed++) {
      same += inject(ANSWER, both, seed, PROMPT).equals(inject(ANSWER, withZero, seed, PROMPT)) ? 1 : 0;
    }
    assertThat(same).isBetween(200, 299);
  }

  @Test
  void isNoneCountsTheNewKind() {
    assertThat(ErrorInjection.none().isNone()).isTrue();
    assertThat(ErrorInjection.none().withGroundedDistractor(0.1).isNone()).isFalse();
    assertThat(List.of(ErrorInjection.none().withGroundedDistractor(0.1).forFirstCalls(2).groundedDistractor()))
        .containsExactly(0.1);
  }
}
