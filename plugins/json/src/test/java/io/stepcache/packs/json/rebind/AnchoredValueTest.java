package io.stepcache.packs.json.rebind;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnchoredValueTest {

  private static final String EMPLOYEE = "Lena Nguyen, aged 73, works remotely from Dublin and answers mail at"
      + " lena39@corp.example or on +46 361 151 5436.";

  private static AnchoredValue anchor(String step, String source) {
    return AnchoredValue.of(step, source).orElseThrow(() -> new AssertionError("not anchored: " + step));
  }

  private static Optional<String> reground(String step, String oldSource, String newSource) {
    return anchor(step, oldSource).reground(newSource);
  }

  @Test
  void anchorsAreTheFewTemplateTokensAroundTheValue() {
    AnchoredValue age = anchor("\"age\": 73", EMPLOYEE);
    assertThat(age.before()).isEqualTo("aged ");
    assertThat(age.after()).isEqualTo(", works");
    AnchoredValue city = anchor("\"city\": \"Dublin\"", EMPLOYEE);
    assertThat(city.before()).isEqualTo("from ");
    assertThat(city.after()).isEqualTo(" and answers");
    assertThat(anchor("\"name\": \"Lena Nguyen\"", EMPLOYEE).before()).isEmpty(); // the start of the text
  }

  @Test
  void everyValueOfTheCachedTextRoundTrips() {
    for (String step : new String[] {"\"name\": \"Lena Nguyen\"", "\"age\": 73", "\"city\": \"Dublin\"",
        "\"email\": \"lena39@corp.example\"", "\"phone\": \"+46 361 151 5436\""}) {
      assertThat(anchor(step, EMPLOYEE).reground(EMPLOYEE)).as(step).contains(step);
    }
  }

  @Test
  void readsChangedValuesFromATextWithTheSameContext() {
    String changed = "Samir Costa, aged 41, works remotely from Quito and answers mail at"
        + " samir.costa@example.org or on +7 488 788 4642.";
    assertThat(reground("\"name\": \"Lena Nguyen\"", EMPLOYEE, changed)).contains("\"name\": \"Samir Costa\"");
    assertThat(reground("\"age\": 73", EMPLOYEE, changed)).contains("\"age\": 41");
    assertThat(reground("\"city\": \"Dublin\"", EMPLOYEE, changed)).contains("\"city\": \"Quito\"");
    assertThat(reground("\"email\": \"lena39@corp.example\"", EMPLOYEE, changed))
        .contains("\"email\": \"samir.costa@example.org\"");
    assertThat(reground("\"phone\": \"+46 361 151 5436\"", EMPLOYEE, changed)).contains("\"phone\": \"+7 488 788 4642\"");
  }

  @Test
  void aDecimalPriceFollowsAnIntegerOne() {
    String order = "Order 8073: product is Wall Clock, quantity is 5, customer is Rosa Berg, and the total comes to $8373.";
    String other = "Order 8073: product is Wall Clock, quantity is 5, customer is Rosa Berg, and the total comes to $396.41.";
    assertThat(reground("\"total\": 8373", order, other)).contains("\"total\": 396.41");
    assertThat(reground("\"quantity\": 5", order, other.replace("is 5,", "is 12,"))).contains("\"quantity\": 12");
  }

  @Test
  void nothingWhenTheAnchorsFrameMoreThanOneSpan() {
    AnchoredValue name = anchor("\"name\": \"Dana Costa\"", "Contact Dana Costa at dana@example.org.");
    assertThat(name.before()).isEqualTo("Contact ");
    assertThat(name.after()).isEqualTo(" at");
    // "Bo Li" has the right shape, but the value could also run to the second " at": ambiguous
    assertThat(name.reground("Contact Bo Li at Acme at bo@example.org.")).isEmpty();
    assertThat(name.reground("Contact Bo Li at bo@example.org.")).contains("\"name\": \"Bo Li\"");
    String twice = "Lena Nguyen, aged 73, works remotely from Dublin and answers mail at x@y.z or on +1 2 3."
        + " Bo Li, aged 40, works remotely from Rome and answers mail at b@y.z or on +1 2 4.";
    assertThat(anchor("\"city\": \"Dublin\"", EMPLOYEE).reground(twice)).isEmpty();
  }

  @Test
  void nothingWhenTheAnchorsAreMissing() {
    assertThat(reground("\"city\": \"Dublin\"", EMPLOYEE, "Lena Nguyen (73) lives in Dublin.")).isEmpty();
  }

  @Test
  void nothingWhenTheTypeOrShapeChanges() {
    String text = "Dana Costa is 31 years old and lives in Paris. Dana can be reached at dana@example.org.";
    assertThat(reground("\"age\": 31", text, text.replace("31", "thirty-one"))).isEmpty();
    assertThat(reground("\"age\": 31", text, text.replace("31", "-31"))).isEmpty();
    assertThat(reground("\"city\": \"Paris\"", text, text.replace("Paris", "New York"))).isEmpty();
    assertThat(reground("\"city\": \"Paris\"", text, text.replace("Paris", "75001"))).isEmpty();
    assertThat(reground("\"email\": \"dana@example.org\"", text, text.replace("dana@example.org", "dana at home")))
        .isEmpty();
    assertThat(reground("\"city\": \"Paris\"", text, text.replace("Paris", "Paris-Nord"))).isEmpty();
  }

  @Test
  void noAnchorForAValueThatIsNotInTheTextExactlyOnce() {
    assertThat(AnchoredValue.of("\"city\": \"Rome\"", EMPLOYEE)).isEmpty();
    assertThat(AnchoredValue.of("\"name\": \"Bo\"", "Bo met Bo in Rome.")).isEmpty();
    assertThat(AnchoredValue.of("\"age\": 73", "aged 73, born 1950, room 73")).isEmpty();
    assertThat(AnchoredValue.of("\"member\": true", "member: true")).isEmpty();
    assertThat(AnchoredValue.of("\"id\": 39", EMPLOYEE)).as("39 inside lena39 is no number").isEmpty();
  }

  @Test
  void templatesRoundTripAndDamagedOnesAreNotRead() {
    AnchoredValue age = anchor("\"age\": 73", EMPLOYEE);
    assertThat(AnchoredValue.isTemplate(age.template())).isTrue();
    assertThat(AnchoredValue.fromTemplate(age.template())).contains(age);
    assertThat(AnchoredValue.fromTemplate(AnchoredValue.MARKER + "{\"step\": 1}")).isEmpty();
    assertThat(AnchoredValue.fromTemplate("\"age\": 73")).isEmpty();
  }

  @Test
  void aValueWithAContrastCueIsNotAnchored() {
    assertThat(AnchoredValue.of("\"rating\": 2", "Rate the Grand 1 (not 2) out of 6.")).isEmpty();
    assertThat(AnchoredValue.of("\"rating\": 6", "Rate the Grand 1 (not 2) out of 6.")).isEmpty();
    assertThat(AnchoredValue.of("\"price\": 55", "The lamp now costs $40, down from $55.")).isEmpty();
    assertThat(AnchoredValue.of("\"age\": 31", "Alice Smith (31) moved to Rome.")).isEmpty();
    assertThat(AnchoredValue.of("\"price\": 40", "The lamp now costs $40, down from $55.")).isPresent();
  }

  @Test
  void nothingWhenTheNewSpanHasAContrastCue() {
    AnchoredValue rating = anchor("\"rating\": 4", "Rate the Grand 4 out of 6.");
    assertThat(rating.reground("Rate the Grand 5 out of 6.")).contains("\"rating\": 5");
    assertThat(rating.reground("Rate the Grand 1 (not 2) out of 6.")).isEmpty();
    AnchoredValue price = anchor("\"price\": 40", "The lamp costs $40 today.");
    assertThat(price.reground("The lamp costs $40 today.")).contains("\"price\": 40");
    assertThat(price.reground("The lamp no longer costs $40 today.")).isEmpty();
  }
}
