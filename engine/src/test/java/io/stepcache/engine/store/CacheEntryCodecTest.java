package io.stepcache.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheEntryCodecTest {

  @Test
  void roundTripsEveryFieldInOrder() {
    Map<String, String> bindings = new LinkedHashMap<>();
    bindings.put("var", "x");
    bindings.put("a", "3");
    CacheEntry e =
        new CacheEntry(
            new EntryKey("acme", "math-linear@1.0.0#abc", "linear:v*a+b=c"),
            "Solve 3x + 5 = 20 — ünïcode",
            bindings,
            Map.of("kind", "linear"),
            List.of("Subtract {{b}} from both sides: {{a}}{{var}} = 15", "Answer: {{var}} = 5"),
            1234567L);
    CacheEntry back = CacheEntryCodec.decode(CacheEntryCodec.encode(e));
    assertThat(back).isEqualTo(e);
    assertThat(back.bindings().keySet()).containsExactly("var", "a");
  }

  @Test
  void rejectsBytesThatAreNoEntry() {
    assertThatThrownBy(() -> CacheEntryCodec.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a StepCache entry");
  }
}
