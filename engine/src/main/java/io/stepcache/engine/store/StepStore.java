package io.stepcache.engine.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The step store port. Implementations must be thread-safe; they may bound memory, persist, and
 * expire entries (an expired entry simply stops being returned).
 */
public interface StepStore extends AutoCloseable {

  /** The entry under {@code key}, if present and not expired. */
  Optional<CacheEntry> get(EntryKey key);

  /** Stores (or replaces) an entry. Callers store only verified output. */
  void put(CacheEntry entry);

  /** Removes the entry under {@code key}, if any (a variant evicted by a newer one). */
  void remove(EntryKey key);

  /** Visits every live entry once (used to rebuild the neighbour index after a restart). */
  void forEach(Consumer<CacheEntry> action);

  /** Number of live entries (may include entries only on disk). */
  long size();

  /** Removes every entry whose pack key is {@code packKey}; returns how many. */
  default long removePack(String packKey) {
    return removeMatching(k -> k.packKey().equals(packKey)).size();
  }

  /** Removes every entry whose key {@code which} accepts; returns the keys removed. */
  List<EntryKey> removeMatching(Predicate<EntryKey> which);

  @Override
  default void close() {}
}
