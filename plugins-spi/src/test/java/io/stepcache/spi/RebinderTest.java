package io.stepcache.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebinderTest {

  private static Signature sig(String... kv) {
    Map<String, String> b = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      b.put(kv[i], kv[i + 1]);
    }
    return new Signature("k", b, Map.of());
  }

  @Test
  void placeholdersFollowRenamedBindingsAndLeaveOtherTextAlone() {
    Rebinder r = Rebinder.placeholders();
    String template = r.abstractStep("\"age\": 31, \"agency\": \"x\"", sig("k0", "age"));
    assertThat(template).isEqualTo("\"{{k0}}\": 31, \"agency\": \"x\"");
    assertThat(r.instantiate(template, sig("k0", "years"))).isEqualTo("\"years\": 31, \"agency\": \"x\"");
  }

  @Test
  void longerValuesWinAndUnknownPlaceholdersStay() {
    Rebinder r = Rebinder.placeholders();
    assertThat(r.abstractStep("15 and 5", sig("a", "5", "b", "15"))).isEqualTo("{{b}} and {{a}}");
    assertThat(r.instantiate("{{zz}} {{a}}", sig("a", "1"))).isEqualTo("{{zz}} 1");
  }
}
