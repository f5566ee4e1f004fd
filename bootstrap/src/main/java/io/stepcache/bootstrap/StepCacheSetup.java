package io.stepcache.bootstrap;

import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.trust.TrustWorker;
import io.stepcache.spi.sim.ModelOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What StepCache runs: the settings object of the one bootstrap. Everything but the packs and the
 * backend has a default (engine defaults, the system clock, an in-memory store, the background
 * trust worker, no hot deployment).
 *
 * <pre>{@code
 * try (RunningStepCache stepCache = StepCacheSetup.builder()
 *     .packs(PackSource.instance(new MathTaskPack()))
 *     .backend(BackendChoice.simulated(SimulationProfile.llamaServerDefaults(), ErrorInjection.none(), 42))
 *     .build()
 *     .start()) {
 *   stepCache.engine().complete(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear"));
 * }
 * }</pre>
 */
public final class StepCacheSetup {

  private final List<PackSource> packs;
  private final Map<String, Map<String, String>> packSettings;
  private final BackendChoice backend;
  private final UnaryOperator<List<ModelOracle>> oracles;
  private final UnaryOperator<Backend> backendDecorator;
  private final Supplier<? extends StepStore> storeOpener;
  private final boolean ownsStore;
  private final Clock clock;
  private final EngineConfig config;
  private final TrustWorker trustWorker;
  private final HotDeploy hotDeploy;

  private StepCacheSetup(Builder b) {
    if (b.packs.isEmpty() && b.hotDeploy == null) {
      throw new IllegalArgumentException("No pack source: name at least one, or a hot-deploy directory");
    }
    this.packs = List.copyOf(b.packs);
    this.packSettings = Map.copyOf(b.packSettings);
    this.backend = Objects.requireNonNull(b.backend, "backend");
    this.oracles = b.oracles;
    this.backendDecorator = b.backendDecorator;
    this.storeOpener = b.storeOpener;
    this.ownsStore = b.ownsStore;
    this.clock = b.clock;
    this.config = b.config;
    this.trustWorker = b.trustWorker;
    this.hotDeploy = b.hotDeploy;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds and starts everything; on any failure closes what it had opened and throws. */
  public RunningStepCache start() {
    return RunningStepCache.start(this);
  }

  List<PackSource> packs() {
    return packs;
  }

  Map<String, Map<String, String>> packSettings() {
    return packSettings;
  }

  BackendChoice backend() {
    return backend;
  }

  UnaryOperator<List<ModelOracle>> oracles() {
    return oracles;
  }

  UnaryOperator<Backend> backendDecorator() {
    return backendDecorator;
  }

  Supplier<? extends StepStore> storeOpener() {
    return storeOpener;
  }

  boolean ownsStore() {
    return ownsStore;
  }

  Clock clock() {
    return clock;
  }

  EngineConfig config() {
    return config;
  }

  Optional<TrustWorker> trustWorker() {
    return Optional.ofNullable(trustWorker);
  }

  Optional<HotDeploy> hotDeploy() {
    return Optional.ofNullable(hotDeploy);
  }

  /** Collects a setup. */
  public static final class Builder {
    private final List<PackSource> packs = new ArrayList<>();
    private Map<String, Map<String, String>> packSettings = Map.of();
    private BackendChoice backend;
    private UnaryOperator<List<ModelOracle>> oracles = UnaryOperator.identity();
    private UnaryOperator<Backend> backendDecorator = UnaryOperator.identity();
    private Supplier<? extends StepStore> storeOpener = InMemoryStepStore::new;
    private boolean ownsStore = true;
    private Clock clock = Clock.system();
    private EngineConfig config = EngineConfig.defaults();
    private TrustWorker trustWorker;
    private HotDeploy hotDeploy;

    private Builder() {}

    /** Adds pack sources, loaded in this order (a second pack with the same id is rejected). */
    public Builder packs(PackSource... sources) {
      for (PackSource s : sources) {
        packs.add(Objects.requireNonNull(s, "source"));
      }
      return this;
    }

    /** Each pack's settings ({@code stepcache.pack.<id>.*}), by pack id; checked against what it declares. */
    public Builder packSettings(Map<String, Map<String, String>> settings) {
      this.packSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    public Builder backend(BackendChoice backend) {
      this.backend = Objects.requireNonNull(backend, "backend");
      return this;
    }

    /**
     * Which oracles the simulated model asks, given the loaded packs' own (read at each call, so a
     * hot-deployed pack's oracle is asked too). Default: the packs' oracles alone.
     */
    public Builder oracles(UnaryOperator<List<ModelOracle>> oracles) {
      this.oracles = Objects.requireNonNull(oracles, "oracles");
      return this;
    }

    /** Wraps the backend the engine calls (a benchmark counting calls); default none. */
    public Builder decorateBackend(UnaryOperator<Backend> decorator) {
      this.backendDecorator = Objects.requireNonNull(decorator, "decorator");
      return this;
    }

    /** A store opened at start and closed with StepCache (default: a new in-memory store). */
    public Builder openStore(Supplier<? extends StepStore> opener) {
      this.storeOpener = Objects.requireNonNull(opener, "opener");
      this.ownsStore = true;
      return this;
    }

    /** A store the caller owns (shared between instances); StepCache never closes it. */
    public Builder sharedStore(StepStore store) {
      Objects.requireNonNull(store, "store");
      this.storeOpener = () -> store;
      this.ownsStore = false;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder config(EngineConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Where confirmation and audit jobs run (default {@link TrustWorker#background}). */
    public Builder trustWorker(TrustWorker worker) {
      this.trustWorker = Objects.requireNonNull(worker, "worker");
      return this;
    }

    /** Packs deployed while running, from a directory and through uploads. */
    public Builder hotDeploy(HotDeploy hotDeploy) {
      this.hotDeploy = Objects.requireNonNull(hotDeploy, "hotDeploy");
      return this;
    }

    public StepCacheSetup build() {
      return new StepCacheSetup(this);
    }
  }
}
