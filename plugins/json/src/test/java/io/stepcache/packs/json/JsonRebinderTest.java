package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRebinderTest {

  private final JsonRebinder rebinder = new JsonRebinder();
  private final JsonAnalyser analyser = new JsonAnalyser();

  private static Signature keys(String... names) {
    Map<String, String> bindings = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      bindings.put("k" + i, names[i]);
    }
    return new Signature("s", bindings, Map.of());
  }

  private Signature person(String text) {
    return analyser.analyse(TaskRequest.of("Extract name, age and city as JSON from: \"" + text + "\""));
  }

  /** What the engine does: store the template (literal unless it round-trips), instantiate for the new request. */
  private String rebind(String step, Signature cached, Signature fresh) {
    String template = rebinder.abstractStep(step, cached);
    String stored = rebinder.instantiate(template, cached).equals(step) ? template : step;
    return rebinder.instantiate(stored, fresh);
  }

  @Test
  void aStepKeepsItsLiteralKeyWhateverTheNewKeysAre() {
    String template = rebinder.abstractStep("\"city\": \"Montreal\"", keys("title", "city", "year"));
    assertThat(template).isEqualTo("\"city\": \"Montreal\"");
    assertThat(rebinder.instantiate(template, keys("title", "author", "year"))).isEqualTo("\"city\": \"Montreal\"");
  }

  @Test
  void aChangedValueIsReadFromTheNewSourceText() {
    Signature cached = person("Alice Smith is 31 years old and lives in Paris.");
    Signature fresh = person("Bob Jones is 45 years old and lives in Rome.");
    assertThat(rebind("\"name\": \"Alice Smith\"", cached, fresh)).isEqualTo("\"name\": \"Bob Jones\"");
    assertThat(rebind("\"age\": 31", cached, fresh)).isEqualTo("\"age\": 45");
    assertThat(rebind("\"city\": \"Paris\"", cached, fresh)).isEqualTo("\"city\": \"Rome\"");
  }

  @Test
  void theTemplateRoundTripsOnItsOwnSignatureAndKeepsTheKey() {
    Signature cached = person("Alice Smith is 31 years old and lives in Paris.");
    String template = rebinder.abstractStep("\"city\": \"Paris\"", cached);
    assertThat(template).isNotEqualTo("\"city\": \"Paris\"");
    assertThat(rebinder.instantiate(template, cached)).isEqualTo("\"city\": \"Paris\"");
    Signature renamed = analyser.analyse(TaskRequest.of(
        "Extract name, age and town as JSON from: \"Bob Jones is 45 years old and lives in Rome.\""));
    assertThat(rebinder.instantiate(template, renamed)).isEqualTo("\"city\": \"Rome\"");
  }

  @Test
  void anAmbiguousAnchorLeavesTheValueUnresolvedNeverLiteral() {
    Signature cached = person("Alice Smith is 31 years old and lives in Paris.");
    Signature twice = person("Bob Jones is 45 years old and lives in Rome. Eve Li is 50 years old and lives in Oslo.");
    assertThat(rebind("\"city\": \"Paris\"", cached, twice)).isEqualTo("\"city\": <unresolved>");
    assertThat(rebind("\"age\": 31", cached, twice)).isEqualTo("\"age\": <unresolved>");
  }

  @Test
  void aChangedTypeLeavesTheValueUnresolved() {
    Signature cached = person("Alice Smith is 31 years old and lives in Paris.");
    Signature words = person("Alice Smith is thirty years old and lives in Paris.");
    assertThat(rebind("\"age\": 31", cached, words)).isEqualTo("\"age\": <unresolved>");
    assertThat(rebind("\"name\": \"Alice Smith\"", cached, person("42 is 31 years old and lives in Paris.")))
        .isEqualTo("\"name\": <unresolved>");
  }

  @Test
  void aTwinTextWithAContrastCueLeavesTheValueUnresolved() {
    Signature cached = analyser.analyse(TaskRequest.of("Extract rating as JSON from: \"Rate the Grand 4 out of 6.\""));
    Signature twin = analyser.analyse(TaskRequest.of("Extract rating as JSON from: \"Rate the Grand 1 (not 2) out of 6.\""));
    assertThat(rebind("\"rating\": 4", cached, cached)).isEqualTo("\"rating\": 4");
    assertThat(rebind("\"rating\": 4", cached, twin)).isEqualTo("\"rating\": <unresolved>");
  }

  @Test
  void anUnanchorableValueIsReusedOnlyForTheIdenticalText() {
    Signature cached = person("Alice Smith is 31 years old and lives in Paris.");
    for (String step : new String[] {"\"city\": \"Rome\"", "\"member\": true", "\"tags\": [\"a\"]"}) {
      String template = rebinder.abstractStep(step, cached);
      assertThat(template).as(step).startsWith("{{json.bound}}");
      assertThat(rebinder.instantiate(template, cached)).as(step).isEqualTo(step);
      assertThat(rebinder.instantiate(template, person("Alice Smith is 31 years old and lives in Rome.")))
          .as(step).endsWith(": <unresolved>");
    }
    // a value that occurs twice cannot be anchored: "6" is served again only for the very same text
    Signature hotel = analyser.analyse(TaskRequest.of("Extract rating as JSON from: \"Rated 6 out of 6.\""));
    Signature other = analyser.analyse(TaskRequest.of("Extract rating as JSON from: \"Rated 5 out of 6.\""));
    assertThat(rebind("\"rating\": 6", hotel, hotel)).isEqualTo("\"rating\": 6");
    assertThat(rebind("\"rating\": 6", hotel, other)).isEqualTo("\"rating\": <unresolved>");
  }

  @Test
  void withoutASourceTextStepsStayLiteralAndAnchoredOnesAreUnresolved() {
    assertThat(rebinder.abstractStep("\"city\": \"Paris\"", keys("name", "city"))).isEqualTo("\"city\": \"Paris\"");
    Signature cached = person("Alice Smith is 31 years old and lives in Paris.");
    String template = rebinder.abstractStep("\"city\": \"Paris\"", cached);
    assertThat(rebinder.instantiate(template, keys("name", "age", "city"))).isEqualTo("\"city\": <unresolved>");
  }

  @Test
  void damagedTemplatesStayAsTheyAre() {
    assertThat(rebinder.instantiate("{{json.bound}}{\"step\": 1}", keys("a"))).isEqualTo("{{json.bound}}{\"step\": 1}");
  }
}
