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
 * @param checkpoints step counts after which the backend keeps resumable state for this answer
 *     (ascending, each in 1..steps; docs/architecture.md, "Step checkpoints"); empty when none
 * @param trust how far each step may be trusted, one per step (README "Trust"); empty
 *     means every step is provisional (entries written before trust levels existed)
 * @param expiresAtEpochMs when the entry stops being served (wall clock; the request's {@code X-StepCache-TTL}),
 *     or 0: when the store's own time to live says
 */
public record CacheEntry(
    EntryKey key,
    String prompt,
    Map<String, String> bindings,
    Map<String, String> features,
    List<String> stepTemplates,
    long createdAtEpochMs,
    List<Integer> checkpoints,
    List<StepTrust> trust,
    long expiresAtEpochMs) {

  /** An entry that lives as long as the store's time to live says. */
  public CacheEntry(
      EntryKey key,
      String prompt,
      Map<String, String> bindings,
      Map<String, String> features,
      List<String> stepTemplates,
      long createdAtEpochMs,
      List<Integer> checkpoints,
      List<StepTrust> trust) {
    this(key, prompt, bindings, features, stepTemplates, createdAtEpochMs, checkpoints, trust, 0);
  }

  /** An entry whose steps are all provisional. */
  public CacheEntry(
      EntryKey key,
      String prompt,
      Map<String, String> bindings,
      Map<String, String> features,
      List<String> stepTemplates,
      long createdAtEpochMs,
      List<Integer> checkpoints) {
    this(key, prompt, bindings, features, stepTemplates, createdAtEpochMs, checkpoints, List.of(), 0);
  }

  /** An entry without checkpoints whose steps are all provisional. */
  public CacheEntry(
      EntryKey key,
      String prompt,
      Map<String, String> bindings,
      Map<String, String> features,
      List<String> stepTemplates,
      long createdAtEpochMs) {
    this(key, prompt, bindings, features, stepTemplates, createdAtEpochMs, List.of(), List.of(), 0);
  }

  public CacheEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(prompt, "prompt");
    bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    stepTemplates = List.copyOf(stepTemplates);
    checkpoints = List.copyOf(checkpoints);
    if (trust.isEmpty()) {
      List<StepTrust> provisional = new java.util.ArrayList<>(stepTemplates.size());
      for (int i = 0; i < stepTemplates.size(); i++) {
        provisional.add(StepTrust.provisional(key.structureKey() + "#" + i));
      }
      trust = provisional;
    }
    trust = List.copyOf(trust);
    if (expiresAtEpochMs < 0) {
      throw new IllegalArgumentException("expiresAtEpochMs must not be negative: " + expiresAtEpochMs);
    }
    if (trust.size() != stepTemplates.size()) {
      throw new IllegalArgumentException(
          "trust needs one entry per step: " + trust.size() + " for " + stepTemplates.size() + " steps");
    }
    int previous = 0;
    for (int c : checkpoints) {
      if (c <= previous || c > stepTemplates.size()) {
        throw new IllegalArgumentException(
            "checkpoints must ascend within 1.." + stepTemplates.size() + ": " + checkpoints);
      }
      previous = c;
    }
  }

  /** This entry with other step trust (same size). */
  public CacheEntry withTrust(List<StepTrust> newTrust) {
    return new CacheEntry(key, prompt, bindings, features, stepTemplates, createdAtEpochMs, checkpoints, newTrust,
        expiresAtEpochMs);
  }

  /** True when the entry's own time to live has passed at {@code nowEpochMs} (the store's is the store's job). */
  public boolean expired(long nowEpochMs) {
    return expiresAtEpochMs > 0 && nowEpochMs >= expiresAtEpochMs;
  }

  /** True when some step still waits for confirmation. */
  public boolean hasProvisionalSteps() {
    return trust.stream().anyMatch(t -> t.state() == StepTrust.State.PROVISIONAL);
  }

  /** The deepest checkpoint at or below {@code steps} leading steps, or 0 when there is none. */
  public int deepestCheckpoint(int steps) {
    int best = 0;
    for (int c : checkpoints) {
      if (c <= steps) {
        best = c;
      }
    }
    return best;
  }
}
