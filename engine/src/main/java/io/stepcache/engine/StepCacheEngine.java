package io.stepcache.engine;

import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.internal.DefaultStepCacheEngine;
import io.stepcache.engine.pack.PackInfo;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.trust.TrustStats;
import io.stepcache.engine.trust.TrustWorker;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The StepCache pipeline. Thread-safe; one instance per server.
 *
 * <pre>{@code
 * StepCacheEngine engine = StepCacheEngine.builder()
 *     .registry(registry).store(store).backend(backend).build();
 * CompletionResult r = engine.complete(CompletionRequest.of("Solve 3x + 5 = 20.", null));
 * }</pre>
 */
public interface StepCacheEngine extends AutoCloseable {

  /**
   * Serves one request on exactly one {@link RequestPath}.
   *
   * @throws io.stepcache.engine.error.StepCacheException for invalid input, unknown tasks, and
   *     backend failures when nothing could be served
   */
  CompletionResult complete(CompletionRequest request);

  /**
   * Serves one request like {@link #complete}, handing each step to {@code sink} as soon as it is verified: a
   * REUSE at once; a MISS or SKIP while the model writes it (the first step that fails verification cancels the
   * generation, the repair runs, and its steps follow); a PATCH's verified steps before the repair, the repaired ones
   * after it. The result is the whole answer: its steps start with the ones sent.
   */
  CompletionResult stream(CompletionRequest request, StepSink sink);

  /** The loaded packs. */
  List<PackInfo> packs();

  /** The store the engine writes verified answers to. */
  StepStore store();

  /**
   * Forgets every cached answer of one pack key ({@code id@version#rulesHash}): its store entries
   * and its neighbour-index scopes. Called when a pack is replaced or removed.
   *
   * @return the number of store entries removed
   */
  long evictPack(String packKey);

  /**
   * Forgets every cached entry whose key {@code which} accepts (the admin API's deletes): its store entry and its
   * neighbour-index key.
   *
   * @return the keys removed
   */
  List<EntryKey> evict(Predicate<EntryKey> which);

  /** Counters of confirmations and audits (README "Trust"). */
  TrustStats trustStats();

  /**
   * Closes the trust worker and the registry's packs; the store and backend belong to whoever built
   * them.
   */
  @Override
  void close();

  static Builder builder() {
    return new Builder();
  }

  /** Assembles an engine. Registry, store and backend are required. */
  final class Builder {
    private PackRegistry registry;
    private StepStore store;
    private Backend backend;
    private Clock clock = Clock.system();
    private EngineConfig config = EngineConfig.defaults();
    private TrustWorker trustWorker;

    private Builder() {}

    public Builder registry(PackRegistry registry) {
      this.registry = registry;
      return this;
    }

    public Builder store(StepStore store) {
      this.store = store;
      return this;
    }

    public Builder backend(Backend backend) {
      this.backend = backend;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder config(EngineConfig config) {
      this.config = config;
      return this;
    }

    /**
     * Where confirmation and audit jobs run; defaults to {@link TrustWorker#background} with the
     * config's queue capacity. The engine closes it.
     */
    public Builder trustWorker(TrustWorker worker) {
      this.trustWorker = worker;
      return this;
    }

    public StepCacheEngine build() {
      return new DefaultStepCacheEngine(
          Objects.requireNonNull(registry, "registry"),
          Objects.requireNonNull(store, "store"),
          Objects.requireNonNull(backend, "backend"),
          Objects.requireNonNull(clock, "clock"),
          Objects.requireNonNull(config, "config"),
          trustWorker != null ? trustWorker : TrustWorker.background(config.trust().queueCapacity()));
    }
  }
}
