package io.stepcache.engine.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A verified answer, stored relative to its bindings.
 *
 * @param key where it lives
 * @param prompt the request prompt it answered (for similarity search)
 * @param bindings the request's bindings when stored
 * @param features the request's features when stored (guard input)
 * @param stepTemplates the steps, abstracted by the pack's rebinder
 * @param createdAtEpochMs when it was stored (wall clock)
 */
public record CacheEntry(
    EntryKey key,
    String prompt,
    Map<String, String> bindings,
    Map<String, String> features,
    List<String> stepTemplates,
    long createdAtEpochMs) {

  public CacheEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(prompt, "prompt");
    bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    stepTemplates = List.copyOf(stepTemplates);
  }
}
