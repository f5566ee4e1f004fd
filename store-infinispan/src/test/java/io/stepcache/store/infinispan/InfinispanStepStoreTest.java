package io.stepcache.store.infinispan;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.EntryKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfinispanStepStoreTest {

  @TempDir Path dir;

  private static CacheEntry entry(String tenant, String pack, String structure) {
    return new CacheEntry(
        new EntryKey(tenant, pack, structure),
        "Solve 3x + 5 = 20.",
        Map.of("a", "3", "b", "5", "c", "20"),
        Map.of("degree", "1"),
        List.of("Subtract {b} from both sides: {a}x = {c} - {b}", "x = 5"),
        1_700_000_000_000L);
  }

  @Test
  void entriesSurviveARestartOnTheSameDirectory() {
    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 10, Duration.ofHours(1))) {
      for (int i = 0; i < 25; i++) {
        store.put(entry("t" + (i % 2), "math-linear@1#abc", "s" + i));
      }
      assertThat(store.size()).isEqualTo(25);
      assertThat(store.entriesInMemory()).isLessThanOrEqualTo(10); // bounded; the rest are on disk
      assertThat(store.get(new EntryKey("t0", "math-linear@1#abc", "s0"))).isPresent(); // evicted, read back
    }

    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 10, Duration.ofHours(1))) {
      assertThat(store.isAvailable()).isTrue();
      assertThat(store.size()).isEqualTo(25);
      CacheEntry e = store.get(new EntryKey("t1", "math-linear@1#abc", "s7")).orElseThrow();
      assertThat(e).isEqualTo(entry("t1", "math-linear@1#abc", "s7"));
      assertThat(store.get(new EntryKey("t0", "math-linear@1#abc", "s7"))).isEmpty(); // other tenant
      List<CacheEntry> all = new ArrayList<>();
      store.forEach(all::add);
      assertThat(all).hasSize(25);
    }
  }

  @Test
  void entriesExpireAfterTheTtl() throws InterruptedException {
    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 100, Duration.ofMillis(300))) {
      store.put(entry("t", "json@1#def", "k"));
      assertThat(store.get(new EntryKey("t", "json@1#def", "k"))).isPresent();
      Thread.sleep(600);
      assertThat(store.get(new EntryKey("t", "json@1#def", "k"))).isEmpty();
    }
    // and an expired entry does not come back from disk after a restart
    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 100, Duration.ofMillis(300))) {
      assertThat(store.get(new EntryKey("t", "json@1#def", "k"))).isEmpty();
    }
  }

  @Test
  void removePackRemovesOnlyThatPacksEntries() {
    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 2, Duration.ofHours(1))) {
      store.put(entry("a", "math-linear@1#abc", "s1"));
      store.put(entry("b", "math-linear@1#abc", "s2"));
      store.put(entry("a", "math-linear@2#fff", "s1"));
      store.put(entry("a", "json@1#def", "s1"));
      assertThat(store.removePack("math-linear@1#abc")).isEqualTo(2);
      assertThat(store.size()).isEqualTo(2);
      assertThat(store.get(new EntryKey("a", "math-linear@2#fff", "s1"))).isPresent();
      assertThat(store.get(new EntryKey("a", "json@1#def", "s1"))).isPresent();
      assertThat(store.get(new EntryKey("a", "math-linear@1#abc", "s1"))).isEmpty();
    }
  }

  @Test
  void removeMatchingRemovesOneTenantInEveryPartitionAndSaysWhich(@TempDir Path dir) {
    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 100, Duration.ofDays(1))) {
      EntryKey plain = new EntryKey("a", "json@1#def", "s1");
      EntryKey partitioned = new EntryKey("a", "json@1#def", "c=00ff;m=gpt-4o", "s1");
      EntryKey other = new EntryKey("b", "json@1#def", "m=gpt-4o", "s1");
      for (EntryKey k : List.of(plain, partitioned, other)) {
        store.put(new CacheEntry(k, "p", Map.of(), Map.of(), List.of("t"), 1L));
      }
      assertThat(store.removeMatching(k -> k.tenant().equals("a"))).containsExactlyInAnyOrder(plain, partitioned);
      assertThat(store.get(other)).isPresent();
      assertThat(store.size()).isEqualTo(1);
    }
  }

  @Test
  void anEntryWithAnExpiryOfItsOwnLivesNoLongerThanThat(@TempDir Path dir) {
    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 100, Duration.ofHours(1))) {
      EntryKey k = new EntryKey("a", "json@1#def", "s1");
      CacheEntry lasting = new CacheEntry(k, "p", Map.of(), Map.of(), List.of("t"), 1_000L);
      CacheEntry brief = new CacheEntry(k, "p", Map.of(), Map.of(), List.of("t"), 1_000L, List.of(), List.of(),
          61_000L);
      CacheEntry longerThanTheStore = new CacheEntry(k, "p", Map.of(), Map.of(), List.of("t"), 1_000L, List.of(),
          List.of(), 1_000L + Duration.ofDays(2).toMillis());
      assertThat(store.lifespanMs(lasting, 1_000L)).isEqualTo(Duration.ofHours(1).toMillis());
      assertThat(store.lifespanMs(brief, 1_000L)).isEqualTo(60_000L);
      assertThat(store.lifespanMs(longerThanTheStore, 1_000L)).isEqualTo(Duration.ofHours(1).toMillis());
      assertThat(store.lifespanMs(brief, 90_000L)).isEqualTo(1L);
    }
  }

  @Test
  void anEntryPutWithAShortExpiryIsGoneAfterIt(@TempDir Path dir) throws InterruptedException {
    try (InfinispanStepStore store = InfinispanStepStore.open(dir, 100, Duration.ofHours(1))) {
      EntryKey k = new EntryKey("a", "json@1#def", "s1");
      long now = System.currentTimeMillis();
      store.put(new CacheEntry(k, "p", Map.of(), Map.of(), List.of("t"), now, List.of(), List.of(), now + 300));
      assertThat(store.get(k)).isPresent();
      Thread.sleep(600);
      assertThat(store.get(k)).isEmpty();
    }
  }
}
