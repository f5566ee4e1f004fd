package io.stepcache.packs.json.rebind;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceBoundTest {

  private static final String HOTEL = "The hotel was rated 6 out of 6.";

  @Test
  void theLiteralStepOnlyForTheIdenticalText() {
    SourceBound bound = SourceBound.of("\"rating\": 6", HOTEL);
    assertThat(bound.instantiate(HOTEL)).isEqualTo("\"rating\": 6");
    assertThat(bound.instantiate("The hotel was rated 5 out of 6.")).isEqualTo("\"rating\": <unresolved>");
    assertThat(bound.instantiate(HOTEL + " ")).isEqualTo("\"rating\": <unresolved>");
    assertThat(bound.instantiate(null)).isEqualTo("\"rating\": <unresolved>");
  }

  @Test
  void templatesRoundTripAndDamagedOnesAreNotRead() {
    SourceBound bound = SourceBound.of("\"member\": true", HOTEL);
    assertThat(SourceBound.isTemplate(bound.template())).isTrue();
    assertThat(SourceBound.fromTemplate(bound.template())).contains(bound);
    assertThat(SourceBound.fromTemplate(SourceBound.MARKER + "{\"step\": \"no key\", \"source\": \"ab\"}")).isEmpty();
    assertThat(SourceBound.fromTemplate(SourceBound.MARKER + "{\"step\": \"\\\"a\\\": 1\"}")).isEmpty();
    assertThat(SourceBound.fromTemplate("\"member\": true")).isEmpty();
  }
}
