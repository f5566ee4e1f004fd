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
  void keepsCheckpointsAndReadsFormatOneWithoutThem() {
    CacheEntry e = new CacheEntry(new EntryKey("t", "p@1#h", "k"), "prompt", Map.of(), Map.of(),
        List.of("a", "b", "c"), 5L, List.of(1, 3));
    assertThat(CacheEntryCodec.decode(CacheEntryCodec.encode(e)).checkpoints()).containsExactly(1, 3);
    assertThat(e.deepestCheckpoint(2)).isEqualTo(1);
    assertThat(e.deepestCheckpoint(0)).isZero();
    byte[] v2 = CacheEntryCodec.encode(new CacheEntry(e.key(), "prompt", Map.of(), Map.of(), List.of("a"), 5L));
    byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 4);
    v1[1] = 1;
    assertThat(CacheEntryCodec.decode(v1).stepTemplates()).containsExactly("a");
    assertThat(CacheEntryCodec.decode(v1).checkpoints()).isEmpty();
    assertThatThrownBy(() -> new CacheEntry(e.key(), "p", Map.of(), Map.of(), List.of("a"), 5L, List.of(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsBytesThatAreNoEntry() {
    assertThatThrownBy(() -> CacheEntryCodec.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a StepCache entry");
  }
}
