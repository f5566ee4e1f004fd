package io.stepcache.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** An unbounded in-memory store for tests and in-process runs. Entries never expire. */
public final class InMemoryStepStore implements StepStore {

  private final Map<String, CacheEntry> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<CacheEntry> get(EntryKey key) {
    return Optional.ofNullable(entries.get(key.asString()));
  }

  @Override
  public void put(CacheEntry entry) {
    entries.put(entry.key().asString(), entry);
  }

  @Override
  public void remove(EntryKey key) {
    entries.remove(key.asString());
  }

  @Override
  public void forEach(Consumer<CacheEntry> action) {
    entries.values().forEach(action);
  }

  @Override
  public long size() {
    return entries.size();
  }

  @Override
  public List<EntryKey> removeMatching(Predicate<EntryKey> which) {
    List<EntryKey> removed = new ArrayList<>();
    entries.values().removeIf(e -> which.test(e.key()) && removed.add(e.key()));
    return removed;
  }
}
