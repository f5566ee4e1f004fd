package io.stepcache.engine.internal;

import io.stepcache.engine.similarity.NeighbourIndex;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.store.StepTrust;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Changes the trust of cached steps: a vote for a provisional step (confirmed once enough
 * independent generations agreed), and demotion of a disputed fact in every variant of the scope
 * that carries it (by lineage). Entries are immutable, so each change reads, rebuilds and writes an
 * entry; one lock serialises these read-modify-writes (they are rare: background jobs and PATCHes).
 *
 * <p>It also remembers, per scope, which cached step first stated each <em>fact</em> (the same
 * step text for the same slot and the same evidence, {@link io.stepcache.spi.Analyser#evidence}):
 * a fresh generation that states a known fact agrees with the generation that stated it first, so
 * the two confirm each other without another model call; one that answers the same question (same
 * slot, same evidence) otherwise contradicts it. At most {@value #MAX_FACTS_PER_SCOPE}
 * facts per scope are kept (oldest forgotten first).
 */
final class TrustLedger {

  private static final Logger LOG = Logger.getLogger(TrustLedger.class.getName());

  static final int MAX_FACTS_PER_SCOPE = 10_000;

  /** Which cached step last answered a question, and how. */
  private record Source(EntryKey entry, int step, String text) {}

  private final Map<String, LinkedHashMap<String, Source>> facts = new HashMap<>();
  private final StepStore store;
  private final NeighbourIndex index;
  private final ModelReliability reliability;
  private final TrustCounters counters;

  TrustLedger(StepStore store, NeighbourIndex index, ModelReliability reliability, TrustCounters counters) {
    this.store = store;
    this.index = index;
    this.reliability = reliability;
    this.counters = counters;
  }

  /** Forgets the facts of every scope of pack key {@code packKey} (its entries were evicted). */
  synchronized void forgetPack(String packKey) {
    facts.keySet().removeIf(scope -> packKey.equals(EntryKey.packKeyOfScope(scope)));
  }

  /** Two generations of slot {@code slot} of pack {@code packKey} were compared ({@link ModelReliability}). */
  void observe(String packKey, String slot, boolean agreed) {
    reliability.observe(packKey, slot, agreed);
    if (agreed) {
      counters.agreements.increment();
    }
  }

  /** Agreements a provisional step of slot {@code slot} of pack {@code packKey} needs now. */
  int confirmationsNeeded(String packKey, String slot) {
    return reliability.confirmationsNeeded(packKey, slot);
  }

  /**
   * The trust of a freshly generated, provisional step about to be stored as step {@code step} of
   * {@code key}, answering question {@code claim} (a slot of some evidence) with {@code text}. When
   * another generation answered the same question before: the same text agrees with it (confirmed
   * at once when that one is confirmed, else a vote for both), another text contradicts it (the
   * earlier statement is demoted everywhere; this one stays provisional and becomes the question's
   * latest answer). A question nobody answered yet remembers this step.
   */
  synchronized StepTrust fresh(EntryKey key, int step, String slot, String claim, String text, StepTrust provisional) {
    LinkedHashMap<String, Source> scope = facts.computeIfAbsent(key.scope(), s -> new LinkedHashMap<>());
    Source first = scope.get(claim);
    Optional<StepTrust> known = first == null || first.entry().equals(key)
        ? Optional.empty()
        : store.get(first.entry()).filter(e -> first.step() < e.trust().size()).map(e -> e.trust().get(first.step()));
    if (known.isEmpty() || !first.text().equals(text)) {
      if (known.isPresent()) {
        reliability.observe(key.packKey(), slot, false);
        counters.contradictions.increment();
        if (known.get().state() != StepTrust.State.DISPUTED) {
          dispute(first.entry(), known.get().lineage(), "another generation answered " + text);
        }
      }
      scope.remove(claim);
      scope.put(claim, new Source(key, step, text));
      while (scope.size() > MAX_FACTS_PER_SCOPE) {
        scope.remove(scope.keySet().iterator().next());
      }
      return provisional;
    }
    reliability.observe(key.packKey(), slot, true);
    StepTrust earlier = known.get();
    if (earlier.state() == StepTrust.State.DISPUTED) {
      return provisional;
    }
    counters.agreements.increment();
    if (earlier.reusable()) {
      counters.stepsConfirmed.increment();
      return StepTrust.confirmed(earlier.votes(), provisional.lineage());
    }
    vote(first.entry(), first.step(), slot);
    StepTrust mine = provisional.withVote(reliability.confirmationsNeeded(key.packKey(), slot));
    if (mine.reusable()) {
      counters.stepsConfirmed.increment();
    }
    return mine;
  }

  /**
   * One more independent generation agreed with step {@code step} (of slot {@code slot}) of the
   * entry under {@code key}.
   */
  synchronized void vote(EntryKey key, int step, String slot) {
    Optional<CacheEntry> found = store.get(key);
    if (found.isEmpty() || step >= found.get().trust().size()) {
      return; // expired or replaced meanwhile: nothing left to confirm
    }
    CacheEntry entry = found.get();
    StepTrust before = entry.trust().get(step);
    StepTrust after = before.withVote(reliability.confirmationsNeeded(key.packKey(), slot));
    if (after.equals(before)) {
      return;
    }
    if (after.state() == StepTrust.State.CONFIRMED) {
      counters.stepsConfirmed.increment();
    }
    List<StepTrust> trust = new ArrayList<>(entry.trust());
    trust.set(step, after);
    store.put(entry.withTrust(trust));
  }

  /**
   * Demotes the fact {@code lineage}: every step that carries it, in every variant of the scope of
   * {@code key} (same tenant and pack key), becomes disputed and is never reused again.
   *
   * @return how many steps were demoted
   */
  synchronized int dispute(EntryKey key, String lineage, String why) {
    int demoted = 0;
    for (String structureKey : index.keys(key.scope())) {
      EntryKey k = key.withStructureKey(structureKey);
      Optional<CacheEntry> found = store.get(k);
      if (found.isEmpty()) {
        continue;
      }
      List<StepTrust> trust = new ArrayList<>(found.get().trust());
      boolean changed = false;
      for (int i = 0; i < trust.size(); i++) {
        if (trust.get(i).lineage().equals(lineage) && trust.get(i).state() != StepTrust.State.DISPUTED) {
          trust.set(i, trust.get(i).disputed());
          changed = true;
          demoted++;
        }
      }
      if (changed) {
        store.put(found.get().withTrust(trust));
      }
    }
    counters.stepsDemoted.add(demoted);
    int n = demoted;
    LOG.fine(() -> "Demoted " + n + " cached step(s) of fact " + lineage + ": " + why);
    return demoted;
  }
}
