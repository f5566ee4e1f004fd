package io.stepcache.engine.internal;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.similarity.NeighbourIndex;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.engine.trust.TrustSettings;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import java.util.ArrayList;
import java.util.List;

/** Writes verified answers into the store and the neighbour index, one variant per template list. */
final class EntryWriter {

  private final StepStore store;
  private final NeighbourIndex index;
  private final StepCheckpoints checkpoints;
  private final TrustLedger ledger;
  private final TrustJobs trustJobs;
  private final EngineConfig config;

  EntryWriter(StepStore store, NeighbourIndex index, StepCheckpoints checkpoints, TrustLedger ledger,
      TrustJobs trustJobs, EngineConfig config) {
    this.store = store;
    this.index = index;
    this.checkpoints = checkpoints;
    this.ledger = ledger;
    this.trustJobs = trustJobs;
    this.config = config;
  }

  /**
   * Stores verified steps as templates (a step whose template does not round-trip stays literal)
   * under the variant of {@code key} their templates make, and evicts the oldest variants of the
   * structure key beyond {@link EngineConfig#maxVariants()}. Storing an existing variant again only
   * marks it as recently used. Each step keeps its {@code trust}; a new fact (empty lineage) is
   * named after the variant and its position. A new entry with provisional steps is queued for
   * confirmation.
   *
   * <p>The request's cache directives apply: {@code no-store} writes nothing, {@code no-cache} replaces an
   * existing variant (a fresh answer, a fresh age), a TTL gives the entry an expiry of its own.
   *
   * @return the key stored (or refreshed), or {@code null} when {@code no-store} kept it out
   */
  EntryKey store(LoadedPack pack, TaskRequest request, Signature signature, EntryKey key, List<Draft> steps,
      List<StepTrust> trust, TrustJobs.CallParams params) {
    CacheDirectives cache = params.cache();
    if (!cache.store()) {
      return null;
    }
    List<String> templates = new ArrayList<>(steps.size());
    for (Draft d : steps) {
      String template = pack.rebinder().abstractStep(d.text(), signature);
      boolean roundTrips = pack.rebinder().instantiate(template, signature).equals(d.text());
      templates.add(roundTrips ? template : d.text());
    }
    EntryKey variant = key.variant(Fingerprint.of(templates));
    if (!cache.lookup() || store.get(variant).isEmpty()) {
      List<Integer> resumable = checkpoints.choose(pack.packKey(), Repairer.texts(steps));
      List<StepTrust> named = new ArrayList<>(trust.size());
      for (int i = 0; i < trust.size(); i++) {
        StepTrust t = trust.get(i);
        if (t.lineage().isEmpty()) {
          t = new StepTrust(t.state(), t.votes(), Fingerprint.of(List.of(variant.asString(), Integer.toString(i))));
        }
        if (t.state() == StepTrust.State.PROVISIONAL) {
          String text = steps.get(i).text();
          String slot = pack.segmenter().slot(text, i);
          String claim = Fingerprint.of(List.of(pack.analyser().evidence(request, slot), slot));
          t = ledger.fresh(variant, i, slot, claim, text, t);
        }
        named.add(t);
      }
      long now = System.currentTimeMillis();
      long expiresAt = cache.ttl() == null ? 0 : now + cache.ttl().toMillis();
      CacheEntry entry = new CacheEntry(variant, request.prompt(), signature.bindings(), signature.features(),
          templates, now, resumable, named, expiresAt);
      store.put(entry);
      if (entry.hasProvisionalSteps() && config.trust().confirm() == TrustSettings.Confirm.EAGER) {
        trustJobs.confirmLater(pack, request, signature, variant, Repairer.texts(steps), params);
      }
    }
    index.add(key.scope(), variant.structureKey(), request.prompt());
    List<String> variants = index.variants(key.scope(), key.structureKey());
    for (int i = 0; i < variants.size() - config.maxVariants(); i++) {
      store.remove(key.withStructureKey(variants.get(i)));
      index.remove(key.scope(), variants.get(i));
    }
    return variant;
  }
}
