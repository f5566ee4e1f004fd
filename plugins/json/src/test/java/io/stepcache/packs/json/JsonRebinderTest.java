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
  void aStepKeepsItsLiteralKeyWhateverTheNewKeysAre() {
    String template = rebinder.abstractStep("\"city\": \"Montreal\"", keys("title", "city", "year"));
    assertThat(template).isEqualTo("\"city\": \"Montreal\"");
    assertThat(rebinder.instantiate(template, keys("title", "author", "year"))).isEqualTo("\"city\": \"Montreal\"");
  }
}
