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
  void keepsEveryStepsTrustAndReadsOlderEntriesAsProvisional() {
    List<StepTrust> trust = List.of(StepTrust.confirmed(2, "fact-a"), new StepTrust(StepTrust.State.DISPUTED, 1, "fact-b"));
    CacheEntry e = new CacheEntry(new EntryKey("t", "p@1#h", "k"), "prompt", Map.of(), Map.of(),
        List.of("a", "b"), 5L, List.of(1), trust);
    assertThat(CacheEntryCodec.decode(CacheEntryCodec.encode(e)).trust()).isEqualTo(trust);
    byte[] v3 = CacheEntryCodec.encode(e.withTrust(List.of(StepTrust.provisional("x"), StepTrust.provisional("y"))));
    byte[] v2 = java.util.Arrays.copyOf(v3, v3.length);
    v2[1] = 2; // the same bytes read as format 2 stop before the trust
    CacheEntry old = CacheEntryCodec.decode(v2);
    assertThat(old.trust()).extracting(StepTrust::state)
        .containsExactly(StepTrust.State.PROVISIONAL, StepTrust.State.PROVISIONAL);
    assertThat(old.hasProvisionalSteps()).isTrue();
    assertThatThrownBy(() -> e.withTrust(List.of(StepTrust.provisional("x"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one entry per step");
  }

  @Test
  void aVoteConfirmsOnlyAProvisionalStepOnceEnoughAgreed() {
    StepTrust p = StepTrust.provisional("f");
    assertThat(p.reusable()).isFalse();
    StepTrust once = p.withVote(2);
    assertThat(once.state()).isEqualTo(StepTrust.State.PROVISIONAL);
    assertThat(once.votes()).isEqualTo(1);
    assertThat(once.withVote(2).state()).isEqualTo(StepTrust.State.CONFIRMED);
    assertThat(p.disputed().withVote(1).state()).isEqualTo(StepTrust.State.DISPUTED);
    assertThat(StepTrust.checked("f").reusable()).isTrue();
  }

  @Test
  void keepsThePartitionAndTheEntrysOwnExpiry() {
    CacheEntry e = new CacheEntry(new EntryKey("t", "p@1#h", "c=00ff;m=gpt-4o", "k"), "prompt", Map.of(), Map.of(),
        List.of("a"), 5L, List.of(), List.of(), 65L);
    CacheEntry back = CacheEntryCodec.decode(CacheEntryCodec.encode(e));
    assertThat(back).isEqualTo(e);
    assertThat(back.expired(64L)).isFalse();
    assertThat(back.expired(65L)).isTrue();
    byte[] v4 = CacheEntryCodec.encode(e);
    byte[] v3 = java.util.Arrays.copyOf(v4, v4.length);
    v3[1] = 3; // the same bytes read as format 3 stop before partition and expiry
    assertThat(CacheEntryCodec.decode(v3).key()).isEqualTo(new EntryKey("t", "p@1#h", "k"));
    assertThat(CacheEntryCodec.decode(v3).expiresAtEpochMs()).isZero();
  }

  @Test
  void aPartitionedKeyReadsBackAndScopesApart() {
    EntryKey plain = new EntryKey("acme", "json@1.2.0#ab", "json|x");
    EntryKey partitioned = new EntryKey("acme", "json@1.2.0#ab", "m=gpt-4o", "json|x").variant("f00");
    assertThat(EntryKey.parse(partitioned.asString())).contains(partitioned);
    assertThat(EntryKey.parse(plain.asString())).contains(plain);
    assertThat(plain.asString()).isEqualTo("acme\u001fjson@1.2.0#ab\u001fjson|x");
    assertThat(partitioned.scope()).isNotEqualTo(plain.scope());
    assertThat(EntryKey.packKeyOfScope(partitioned.scope())).isEqualTo("json@1.2.0#ab");
    assertThat(EntryKey.packKeyOfScope(plain.scope())).isEqualTo("json@1.2.0#ab");
    assertThat(partitioned.packId()).isEqualTo("json");
    assertThat(partitioned.id()).startsWith("ent_").hasSize(28).isNotEqualTo(plain.id());
    assertThatThrownBy(() -> new EntryKey("a", "p", "x\u001fy", "k")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEntryKeyReadsBackFromItsStringForm() {
    EntryKey k = new EntryKey("acme", "json@1.2.0#ab", "json|x\u001fy").variant("f00");
    assertThat(EntryKey.parse(k.asString())).contains(k);
    assertThat(EntryKey.parse("no separators")).isEmpty();
    assertThat(EntryKey.printable(k.asString())).isEqualTo("acme|json@1.2.0#ab|json|x|y~f00");
  }

  @Test
  void rejectsBytesThatAreNoEntry() {
    assertThatThrownBy(() -> CacheEntryCodec.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a StepCache entry");
  }
}
