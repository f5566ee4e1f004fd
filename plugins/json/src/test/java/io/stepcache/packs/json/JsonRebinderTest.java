package io.stepcache.packs.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRebinderTest {

  private final JsonRebinder rebinder = new JsonRebinder();

  private static Signature keys(String... names) {
    Map<String, String> bindings = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      bindings.put("k" + i, names[i]);
    }
    return new Signature("s", bindings, Map.of());
  }

  @Test
  void renamesTheKeyAndLeavesTheValueAlone() {
    String template = rebinder.abstractStep("\"name\": \"name and age\"", keys("name", "age"));
    assertThat(template).isEqualTo("\"{{k0}}\": \"name and age\"");
    assertThat(rebinder.instantiate(template, keys("fullName", "years"))).isEqualTo("\"fullName\": \"name and age\"");
  }

  @Test
  void valuesThatLookLikePlaceholdersStayAsTheyAre() {
    String template = rebinder.abstractStep("\"age\": \"{{k0}}\"", keys("name", "age"));
    assertThat(template).isEqualTo("\"{{k1}}\": \"{{k0}}\"");
    assertThat(rebinder.instantiate(template, keys("n", "a"))).isEqualTo("\"a\": \"{{k0}}\"");
  }

  @Test
  void keysNeedingEscapesAreQuoted() {
    String template = rebinder.abstractStep("\"a\": 1", keys("a"));
    assertThat(rebinder.instantiate(template, keys("say \"hi\""))).isEqualTo("\"say \\\"hi\\\"\": 1");
  }

  @Test
  void stepsWithoutABoundKeyAreLeftAlone() {
    assertThat(rebinder.abstractStep("\"other\": 1", keys("name"))).isEqualTo("\"other\": 1");
    assertThat(rebinder.abstractStep("not json", keys("name"))).isEqualTo("not json");
    assertThat(rebinder.instantiate("\"{{k2}}\": 1", keys("name"))).isEqualTo("\"{{k2}}\": 1");
  }
}
