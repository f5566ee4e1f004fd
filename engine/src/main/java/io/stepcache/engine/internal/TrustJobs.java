package io.stepcache.engine.internal;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.Conversation;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.GenerationHints;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.ContextClassLoader;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.store.StepTrust;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.trust.TrustSettings;
import io.stepcache.engine.trust.TrustWorker;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The two background jobs of earned trust, queued on the {@link TrustWorker} so they never delay a
 * request:
 *
 * <ul>
 *   <li><b>confirmation</b> of a new entry's provisional steps: the pack's confirmation prompt (an
 *       independent, differently phrased generation) is asked up to {@link
 *       TrustSettings#confirmations()} times; each fresh step that passes the rules and equals a
 *       provisional step of the same slot is a vote for it; one that differs disputes it (and every
 *       copy of it);
 *   <li><b>audit</b> of a REUSE: the same kind of generation for the request that was served from the
 *       cache; a fresh step that passes the rules and differs from the served step of its slot
 *       demotes that step's fact in every variant.
 * </ul>
 *
 * A fresh step that fails the pack's rules is no evidence either way. A job whose pack was replaced
 * meanwhile does nothing (the replaced pack's entries are gone).
 */
final class TrustJobs {

  private static final Logger LOG = Logger.getLogger(TrustJobs.class.getName());

  /**
   * What a background call needs from the request it follows: the model, tenant and conversation its calls are
   * made with, and the request's cache directives (what the request's own writes may do).
   */
  record CallParams(String model, String tenant, Conversation conversation, CacheDirectives cache) {}

  private final PackRegistry registry;
  private final Backend backend;
  private final StepStore store;
  private final StepVerifier verifier;
  private final TrustLedger ledger;
  private final TrustCounters counters;
  private final TrustSettings settings;
  private final TrustWorker worker;

  TrustJobs(PackRegistry registry, Backend backend, StepStore store, StepVerifier verifier, TrustLedger ledger,
      TrustCounters counters, TrustSettings settings, TrustWorker worker) {
    this.registry = registry;
    this.backend = backend;
    this.store = store;
    this.verifier = verifier;
    this.ledger = ledger;
    this.counters = counters;
    this.settings = settings;
    this.worker = worker;
  }

  /** Queues the confirmation of the provisional steps of the entry under {@code key}. */
  void confirmLater(LoadedPack pack, TaskRequest request, Signature signature, EntryKey key, List<String> steps,
      CallParams params) {
    String packId = pack.id();
    String packKey = pack.packKey();
    boolean queued = worker.submit(() -> withPack(packId, packKey, p -> confirm(p, request, signature, key, steps, params)));
    (queued ? counters.confirmationsQueued : counters.confirmationsSkipped).increment();
  }

  /**
   * Queues an audit of a REUSE: {@code served} as served, {@code trust} the trust of each served
   * step (its lineage names the cached fact), {@code source} where the served entry lives.
   */
  void auditLater(LoadedPack pack, TaskRequest request, Signature signature, EntryKey source, List<String> served,
      List<StepTrust> trust, CallParams params) {
    String packId = pack.id();
    String packKey = pack.packKey();
    boolean queued = worker.submit(() -> withPack(packId, packKey, p -> audit(p, request, signature, source, served, trust, params)));
    (queued ? counters.auditsQueued : counters.auditsSkipped).increment();
  }

  private void confirm(LoadedPack pack, TaskRequest request, Signature signature, EntryKey key, List<String> steps,
      CallParams params) {
    List<Integer> open = provisional(key);
    if (open.isEmpty()) {
      return;
    }
    String prompt = pack.prompts().confirmationPrompt(request, open.stream().map(steps::get).toList());
    MeteredModel model = model(params);
    try {
      // unanimity: one disagreement disputes the step; the agreements needed follow the pack's measured reliability
      for (int round = 0; round < settings.maxConfirmations() && !open.isEmpty(); round++) {
        Map<String, String> fresh = freshBySlot(pack, request, signature, model.complete(prompt));
        boolean evidence = false;
        for (int i : open) {
          String slot = pack.segmenter().slot(steps.get(i), i);
          String f = fresh.get(slot);
          if (f == null) {
            continue;
          }
          evidence = true;
          boolean agreed = f.equals(steps.get(i));
          ledger.observe(pack.packKey(), slot, agreed);
          if (agreed) {
            ledger.vote(key, i, slot);
          } else {
            lineage(key, i).ifPresent(l -> ledger.dispute(key, l, "a confirmation answered " + f));
          }
        }
        if (!evidence) {
          break; // the model does not answer these slots with anything the rules accept: no use asking again
        }
        open = provisional(key);
      }
    } finally {
      counters.spent(model.usage(), model.calls());
    }
  }

  private void audit(LoadedPack pack, TaskRequest request, Signature signature, EntryKey source, List<String> served,
      List<StepTrust> trust, CallParams params) {
    MeteredModel model = model(params);
    try {
      Map<String, String> fresh =
          freshBySlot(pack, request, signature, model.complete(pack.prompts().confirmationPrompt(request, served)));
      for (int i = 0; i < served.size(); i++) {
        String f = fresh.get(pack.segmenter().slot(served.get(i), i));
        if (f == null) {
          continue;
        }
        // not a measure of the model's reliability: a served step may be a template's reading of a new text
        if (!f.equals(served.get(i))) {
          counters.auditDisagreements.increment();
          ledger.dispute(source, trust.get(i).lineage(), "an audit answered " + f + " instead of " + served.get(i));
        }
      }
    } finally {
      counters.spent(model.usage(), model.calls());
    }
  }

  /** The fresh answer's steps that pass the pack's step rules, by slot (first of a slot wins). */
  private Map<String, String> freshBySlot(LoadedPack pack, TaskRequest request, Signature signature, String answer) {
    List<String> fresh = pack.segmenter().segment(answer, request);
    Verification v = verifier.verify(pack, request, signature, fresh);
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < fresh.size(); i++) {
      if (v.stepPassed(i)) {
        out.putIfAbsent(pack.segmenter().slot(fresh.get(i), i), fresh.get(i));
      }
    }
    return out;
  }

  private List<Integer> provisional(EntryKey key) {
    List<Integer> out = new ArrayList<>();
    store.get(key).ifPresent(e -> {
      for (int i = 0; i < e.trust().size(); i++) {
        if (e.trust().get(i).state() == StepTrust.State.PROVISIONAL) {
          out.add(i);
        }
      }
    });
    return out;
  }

  private Optional<String> lineage(EntryKey key, int step) {
    return store.get(key).filter(e -> step < e.trust().size()).map(e -> e.trust().get(step).lineage());
  }

  private MeteredModel model(CallParams params) {
    return new MeteredModel(backend, params.model(), settings.temperature(), settings.maxTokens(),
        new GenerationHints(params.tenant(), null, params.conversation()), Clock.system());
  }

  /** Runs {@code job} with the pack held, unless it was replaced or removed since the job was queued. */
  private void withPack(String packId, String packKey, Consumer<LoadedPack> job) {
    LoadedPack pack;
    try {
      pack = registry.acquire(packId);
    } catch (StepCacheException gone) {
      counters.jobFailures.increment();
      LOG.log(Level.FINE, "Pack " + packId + " is gone; its trust job is dropped", gone);
      return;
    }
    try (ContextClassLoader ignored = ContextClassLoader.use(pack.classLoader())) {
      if (pack.packKey().equals(packKey)) {
        job.accept(pack);
      }
    } catch (RuntimeException e) {
      counters.jobFailures.increment();
      LOG.log(Level.WARNING, "A trust job of pack " + packId + " failed; the entry stays provisional", e);
    } finally {
      pack.release();
    }
  }
}
