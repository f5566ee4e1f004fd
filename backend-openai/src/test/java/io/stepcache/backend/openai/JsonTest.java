package io.stepcache.backend.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void readsEveryKindOfValue() {
    Object v = Json.parse(" {\"a\": [1, -2.5, 3e2, true, false, null, \"x\\\"y\\u00e9\\n\"], \"b\": {}, \"c\": []} ");
    assertThat(v).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    assertThat(m.keySet()).containsExactly("a", "b", "c");
    assertThat(m.get("a")).isEqualTo(java.util.Arrays.asList(1L, -2.5, 300.0, true, false, null, "x\"y\u00e9\n"));
    assertThat((Map<?, ?>) m.get("b")).isEmpty();
    assertThat((List<?>) m.get("c")).isEmpty();
    assertThat(Json.parse("123456789012345678901234")).isEqualTo(1.2345678901234568e23);
    assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"a\":1,}", "[1,]", "{'a':1}", "01", "1.", "-", "tru", "\"a", "\"\t\"",
      "{\"a\" 1}", "[1 2]", "{} {}", "\"\\x\"", "\"\\u12\"", "<html>", "nul"})
  void refusesInvalidJson(String text) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(Json.FormatException.class);
  }

  @Test
  void refusesDeepNesting() {
    String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);
    assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(Json.FormatException.class).hasMessageContaining("deeper");
    String ok = "[".repeat(50) + "]".repeat(50);
    assertThat(Json.parse(ok)).isInstanceOf(List.class);
  }

  @Test
  void writesWhatItReads() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "line\n\"q\" \\ \u0001 \u2028");
    m.put("n", List.of(1L, 2.5, 3.0, -0.0));
    m.put("b", true);
    m.put("z", null);
    m.put("raw", new Json.Raw("{\"k\":[1]}"));
    String text = Json.write(m);
    assertThat(text).isEqualTo(
        "{\"s\":\"line\\n\\\"q\\\" \\\\ \\u0001 \\u2028\",\"n\":[1,2.5,3,0],\"b\":true,\"z\":null,\"raw\":{\"k\":[1]}}");
    Map<String, Object> back = Json.parseObject(text);
    assertThat(back.get("s")).isEqualTo(m.get("s"));
    assertThat(back).containsKey("z");
  }

  @Test
  void parseObjectRefusesOtherValues() {
    assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("an array");
  }
}
