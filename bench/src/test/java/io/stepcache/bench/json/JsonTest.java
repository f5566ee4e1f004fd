package io.stepcache.bench.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bridge onto JSON-P: strict reading (what a judge must refuse), plain values, numbers written as before. */
class JsonTest {

  @Test
  void readsPlainValuesInOrder() {
    Object v = Json.parse(" {\"b\": [1, 2.50, \"x\"], \"a\": {\"t\": true, \"f\": false, \"n\": null}} ");
    assertThat(v).isInstanceOf(Map.class);
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(List.copyOf(m.keySet())).isEqualTo(List.of("b", "a"));
    assertThat(m.get("b")).isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("2.50"), "x"));
    Map<?, ?> a = (Map<?, ?>) m.get("a");
    assertThat(a.get("t")).isEqualTo(Boolean.TRUE);
    assertThat(a.get("f")).isEqualTo(Boolean.FALSE);
    assertThat(a.get("n")).isSameAs(Json.NULL);
    assertThat(Json.parse("\"\\u00e9\\n\"")).isEqualTo("\u00e9\n");
    assertThat(Json.parseObject("[1]")).isEmpty();
    assertThat(Json.parseObject(null)).isEmpty();
  }

  @Test
  void refusesWhatIsNotOneStrictValue() {
    for (String bad : List.of("{'a': 1}", "{a: 1}", "{\"a\": 1,}", "[1, 2,]", "{\"a\": 1, \"a\": 2}", "{\"a\": 1} x",
        "{\"a\": 01}", "{\"a\": 1", "", "\"tab\there\"", "{\"a\": .5}")) {
      assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.ParseException.class);
      assertThat(Json.parseObject(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void writesNumbersAsBefore() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("whole", 3.0);
    m.put("frac", 0.25);
    m.put("nan", Double.NaN);
    m.put("inf", Double.POSITIVE_INFINITY);
    m.put("int", 7);
    m.put("long", 8L);
    m.put("dec", new BigDecimal("12.50"));
    m.put("null", null);
    m.put("list", Arrays.asList("a\"b", true));
    assertThat(Json.write(m)).isEqualTo(
        "{\"whole\":3,\"frac\":0.25,\"nan\":null,\"inf\":null,\"int\":7,\"long\":8,\"dec\":12.50,\"null\":null,"
            + "\"list\":[\"a\\\"b\",true]}");
    assertThat(Json.parse(Json.pretty(m))).isEqualTo(Json.parse(Json.write(m)));
    assertThat(Json.pretty(m)).startsWith("{").endsWith("}\n").contains("\n");
  }
}
