package io.stepcache.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request options (SPI 1.1) and the 1.0 constructor and accessors that read them. */
class TaskRequestTest {

  private static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"name\"]}";

  @Test
  @SuppressWarnings("deprecation")
  void theOneDotZeroConstructorEqualsTheRequestWithOptions() {
    TaskRequest old = new TaskRequest("p", SCHEMA, List.of("name", "age"));
    TaskRequest now = new TaskRequest("p",
        RequestOptions.of(Map.of(TaskRequest.SCHEMA, SCHEMA, TaskRequest.REQUIRED_KEYS, List.of("name", "age"))));
    assertThat(old).isEqualTo(now).hasSameHashCodeAs(now);
    assertThat(now.schemaJson()).isEqualTo(SCHEMA);
    assertThat(now.requiredKeys()).containsExactly("name", "age");
    assertThat(old.options().string(TaskRequest.SCHEMA)).contains(SCHEMA);
    assertThat(old.options().strings(TaskRequest.REQUIRED_KEYS)).containsExactly("name", "age");
  }

  @Test
  @SuppressWarnings("deprecation")
  void absentFieldsAreAbsentOptions() {
    TaskRequest old = new TaskRequest("p", null, List.of());
    assertThat(old).isEqualTo(TaskRequest.of("p")).isEqualTo(new TaskRequest("p", null));
    assertThat(old.options().isEmpty()).isTrue();
    assertThat(old.schemaJson()).isNull();
    assertThat(old.requiredKeys()).isEmpty();
    assertThat(new TaskRequest("p", null, null).options()).isEqualTo(RequestOptions.none());
  }

  @Test
  void optionsAreDeeplyImmutableCopies() {
    List<Object> keys = new ArrayList<>(List.of("name"));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("keys", keys);
    nested.put("limit", 3);
    RequestOptions options = RequestOptions.of(Map.of("nested", nested, "flag", true));
    keys.add("age");
    nested.put("extra", "x");
    @SuppressWarnings("unchecked")
    Map<String, Object> seen = (Map<String, Object>) options.get("nested").orElseThrow();
    assertThat(seen).containsOnlyKeys("keys", "limit");
    assertThat(seen.get("keys")).isEqualTo(List.of("name"));
    assertThat(seen.get("limit")).isEqualTo(BigDecimal.valueOf(3));
    assertThatThrownBy(() -> options.asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) seen.get("keys")).clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void numbersCompareAsJsonNumbers() {
    assertThat(RequestOptions.of(Map.of("n", 1))).isEqualTo(RequestOptions.of(Map.of("n", 1L)))
        .isEqualTo(RequestOptions.of(Map.of("n", new BigDecimal("1"))));
    assertThat(RequestOptions.of(Map.of("n", 1.5))).isEqualTo(RequestOptions.of(Map.of("n", new BigDecimal("1.5"))));
  }

  @Test
  void onlyJsonLikeValuesAreAccepted() {
    assertThatThrownBy(() -> RequestOptions.of(Map.of("when", new java.util.Date())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Option 'when'");
    assertThatThrownBy(() -> RequestOptions.of(Map.of("n", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RequestOptions.of(Map.of("m", Map.of(1, "x"))))
        .hasMessageContaining("key is no string");
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> RequestOptions.of(Map.of("l", withNull))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typedReadsNameTheOptionOfTheWrongType() {
    RequestOptions options = RequestOptions.of(Map.of("schema", List.of("x"), "requiredKeys", "name"));
    assertThatThrownBy(() -> options.string("schema")).hasMessage("Option 'schema' must be a string, got a list [x]");
    assertThatThrownBy(() -> options.strings("requiredKeys")).hasMessageContaining("Option 'requiredKeys' must be a list of strings");
    assertThat(options.string("absent")).isEmpty();
    assertThat(options.strings("absent")).isEmpty();
  }

  @Test
  void withSetsAndRemovesOneOption() {
    RequestOptions options = RequestOptions.none().with("schema", "{}").with("k", List.of("a"));
    assertThat(options.asMap()).containsOnlyKeys("k", "schema");
    assertThat(options.with("k", null)).isEqualTo(RequestOptions.of(Map.of("schema", "{}")));
  }
}
