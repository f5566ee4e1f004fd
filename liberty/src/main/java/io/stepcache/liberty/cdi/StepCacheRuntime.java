package io.stepcache.liberty.cdi;

import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.openai.OpenAiBackend;
import io.stepcache.engine.backend.openai.OpenAiSettings;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackDirectoryWatcher;
import io.stepcache.engine.pack.PackLoader;
import io.stepcache.engine.pack.PackManager;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.store.InfinispanStepStore;
import io.stepcache.rules.DroolsRuleEngine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Owns the engine and everything it runs on. Built eagerly when the application starts (so a bad
 * setting, a pack that does not load or a store that cannot open fails the deployment with a clear
 * message instead of the first request), closed when the application stops.
 */
@ApplicationScoped
public class StepCacheRuntime {

  private static final Logger LOG = Logger.getLogger(StepCacheRuntime.class.getName());

  @Inject StepCacheSettings settings;
  @Inject StepCacheMetrics metrics;

  private InfinispanStepStore store;
  private Backend backend;
  private StepCacheEngine engine;
  private int maxRequestBytes;
  private long maxUploadBytes;
  private PackManager packs;
  private PackDirectoryWatcher watcher;
  private String backendName;
  private String modelName;
  private Path dataDir;
  private volatile boolean running;

  /** Forces the start at deployment time. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.fine(() -> "StepCache runtime ready: " + running);
  }

  @PostConstruct
  void start() {
    long t0 = System.nanoTime();
    // read and validate every setting before anything is opened
    EngineConfig config = settings.engineConfig();
    String backendKind = settings.backend();
    OpenAiSettings openAi = backendKind.equals("openai") ? settings.openAiSettings() : null;
    Clock clock = settings.clock().equals("virtual") ? new VirtualClock() : Clock.system();
    maxRequestBytes = settings.maxRequestBytes();
    dataDir = settings.dataDir();
    long maxEntries = settings.storeMaxEntries();
    Duration ttl = settings.storeTtl();
    Map<String, Map<String, String>> packSettings = settings.packSettings();
    Path packsDir = settings.packsDir();
    Duration scanInterval = settings.packsScanInterval();
    Duration drainTimeout = settings.packsDrainTimeout();
    maxUploadBytes = settings.packsMaxUploadBytes();

    PackRegistry registry = new PackRegistry();
    try {
      store = InfinispanStepStore.open(dataDir, maxEntries, ttl);
      PackLoader loader = new PackLoader(new DroolsRuleEngine(), packSettings);
      for (LoadedPack p : loader.loadAll(StepCacheRuntime.class.getClassLoader())) {
        registry.register(p);
      }
      Set<String> loadedIds = new TreeSet<>();
      registry.packs().forEach(p -> loadedIds.add(p.id()));
      if (loadedIds.isEmpty()) {
        LOG.warning("No task pack was found on the class path: every request will fail with UNKNOWN_TASK");
      }
      for (String id : packSettings.keySet()) {
        if (!loadedIds.contains(id)) {
          LOG.warning(() -> "Settings stepcache.pack." + id + ".* name a pack that is not loaded (loaded: "
              + loadedIds + ")");
        }
      }
      switch (backendKind) {
        case "simulated" -> backend = new SimulatedBackend(
            settings.simProfile(), settings.simErrors(), settings.simSeed(), clock, registry::oracles);
        case "openai" -> backend = new OpenAiBackend(openAi);
        default -> throw new IllegalStateException("Unknown backend " + backendKind);
      }
      backendName = backend.name();
      modelName = openAi == null ? "stepcache-simulated" : openAi.model() != null ? openAi.model() : "stepcache";
      if (openAi != null) {
        LOG.info(() -> "StepCache backend: " + openAi);
      }
      engine = StepCacheEngine.builder()
          .registry(registry)
          .store(store)
          .backend(backend)
          .clock(clock)
          .config(config)
          .build();
      StepCacheEngine built = engine;
      metrics.watchTrust(built::trustStats);
      // hot-deployed packs: the packs directory now, then watched; uploads through PacksResource
      packs = new PackManager(
          loader, registry, Path.of("stepcache-work", "packs"), packsDir, engine::evictPack, drainTimeout);
      packs.loadDirectory();
      if (!scanInterval.isZero()) {
        watcher = new PackDirectoryWatcher(packs, scanInterval);
      }
      LOG.info(() -> "Task packs directory " + packsDir + (scanInterval.isZero() ? " (not watched)" : "")
          + ": " + packs.list().stream().map(p -> p.id() + " " + p.state()).toList());
      running = true;
      long ms = (System.nanoTime() - t0) / 1_000_000;
      LOG.info(() -> "StepCache started in " + ms + " ms: packs " + loadedIds + ", backend " + backendName
          + ", clock " + settings.clock() + ", " + store.size() + " cached entries in " + dataDir);
    } catch (RuntimeException | LinkageError e) {
      closeQuietly(registry);
      stop();
      throw new IllegalStateException("StepCache could not start: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    if (watcher != null) {
      closeQuietly(watcher);
      watcher = null;
    }
    if (packs != null) {
      closeQuietly(packs);
      packs = null;
    }
    if (engine != null) {
      closeQuietly(engine);
      engine = null;
    }
    if (backend != null) {
      closeQuietly(backend);
      backend = null;
    }
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Failed to close " + c, e);
    }
  }

  /** The engine. */
  public StepCacheEngine engine() {
    StepCacheEngine e = engine;
    if (e == null) {
      throw new IllegalStateException("StepCache is not running");
    }
    return e;
  }

  /** True between a successful start and the stop. */
  public boolean isRunning() {
    return running;
  }

  /** True while the step store accepts calls. */
  public boolean isStoreAvailable() {
    InfinispanStepStore s = store;
    return s != null && s.isAvailable();
  }

  /** Entries in the step store (memory and disk), or -1 when it is down. */
  public long storedEntries() {
    InfinispanStepStore s = store;
    return s == null ? -1 : s.size();
  }

  /** Largest request body the API accepts, in bytes. */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /** Short name of the backend ({@code simulated} or {@code openai}). */
  public String backendName() {
    return backendName;
  }

  /** The model name the OpenAI-compatible front door reports when a request names none. */
  public String modelName() {
    return modelName;
  }

  /** Hot deployment of task packs (the admin API). */
  public PackManager packs() {
    PackManager p = packs;
    if (p == null) {
      throw new IllegalStateException("StepCache is not running");
    }
    return p;
  }

  /** Largest pack jar the admin API accepts, in bytes. */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Where the store keeps its files. */
  public Path dataDir() {
    return dataDir;
  }
}
