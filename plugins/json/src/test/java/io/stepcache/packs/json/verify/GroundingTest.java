package io.stepcache.packs.json.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.request.KeySpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class GroundingTest {

  private static final String TEXT = "Alice  Smith is 31 years old and paid $1,200.50 in Paris.";
  private static final Optional<KeySpec> UNTYPED = Optional.of(new KeySpec("k", List.of(), true));

  @Test
  void stringsAppearIgnoringCaseAndWhitespace() {
    assertThat(Grounding.grounded("alice smith", TEXT, UNTYPED)).isTrue();
    assertThat(Grounding.grounded("Bob", TEXT, UNTYPED)).isFalse();
    assertThat(Grounding.grounded(" ", TEXT, UNTYPED)).isFalse();
  }

  @Test
  void stringsMustBeWholeWordsOfTheText() {
    String order = "Order 3986: quantity is 7, and the total comes to $5132. Ask Annabel.";
    assertThat(Grounding.grounded("5", order, UNTYPED)).isFalse();
    assertThat(Grounding.grounded("7", order, UNTYPED)).isTrue();
    assertThat(Grounding.grounded("5132", order, UNTYPED)).isTrue();
    assertThat(Grounding.grounded("Ann", order, UNTYPED)).isFalse();
    assertThat(Grounding.grounded("Annabel", order, UNTYPED)).isTrue();
    assertThat(Grounding.grounded("$5132.", order, UNTYPED)).isTrue();
  }

  @Test
  void numbersAppearAsNumbers() {
    assertThat(Grounding.grounded(31, TEXT, UNTYPED)).isTrue();
    assertThat(Grounding.grounded(new BigDecimal("1200.5"), TEXT, UNTYPED)).isTrue();
    assertThat(Grounding.grounded(3, TEXT, UNTYPED)).isFalse();
    assertThat(Grounding.grounded(1, TEXT, UNTYPED)).isFalse();
  }

  @Test
  void booleansAndNullOnlyWhenTheSchemaAllowsThem() {
    Optional<KeySpec> nullableFlag = Optional.of(new KeySpec("k", List.of("boolean", "null"), true));
    assertThat(Grounding.grounded(true, TEXT, UNTYPED)).isFalse();
    assertThat(Grounding.grounded(JSONObject.NULL, TEXT, UNTYPED)).isFalse();
    assertThat(Grounding.grounded(true, TEXT, nullableFlag)).isTrue();
    assertThat(Grounding.grounded(JSONObject.NULL, TEXT, nullableFlag)).isTrue();
    assertThat(Grounding.grounded(true, TEXT, Optional.empty())).isFalse();
  }

  @Test
  void containersWhenEveryElementIs() {
    assertThat(Grounding.grounded(new JSONArray("[\"Paris\", 31]"), TEXT, UNTYPED)).isTrue();
    assertThat(Grounding.grounded(new JSONObject("{\"city\": \"Paris\", \"n\": 2}"), TEXT, UNTYPED)).isFalse();
  }
}
