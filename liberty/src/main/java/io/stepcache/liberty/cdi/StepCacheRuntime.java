package io.stepcache.liberty.cdi;

import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.bootstrap.BackendChoice;
import io.stepcache.bootstrap.HotDeploy;
import io.stepcache.bootstrap.PackSource;
import io.stepcache.bootstrap.RunningStepCache;
import io.stepcache.bootstrap.StepCacheSetup;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.packhost.PackManager;
import io.stepcache.packhost.PackSignatures;
import io.stepcache.store.infinispan.InfinispanStepStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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

  private volatile RunningStepCache running;
  /**
   * Where streamed requests are served while their request thread writes the events. Plain threads: the engine
   * needs no container context (it sets each pack's class loader itself).
   */
  private final ExecutorService streamWorkers = Executors.newCachedThreadPool(new ThreadFactory() {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "stepcache-stream-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  });
  private volatile InfinispanStepStore store;
  private int maxRequestBytes;
  private long maxUploadBytes;
  private String backendName;
  private String modelName;
  private Duration storeTtl;
  private Path dataDir;

  /** Forces the start at deployment time. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    LOG.fine(() -> "StepCache runtime ready: " + isRunning());
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
    storeTtl = ttl;
    Map<String, Map<String, String>> packSettings = settings.packSettings();
    Path packsDir = settings.packsDir();
    Duration scanInterval = settings.packsScanInterval();
    Duration drainTimeout = settings.packsDrainTimeout();
    maxUploadBytes = settings.packsMaxUploadBytes();
    PackSignatures signatures = settings.packSignatures();
    Map<String, String> tenantClasses = settings.tenantClasses();

    BackendChoice backendChoice = switch (backendKind) {
      case "simulated" -> BackendChoice.simulated(settings.simProfile(), settings.simErrors(), settings.simSeed());
      case "openai" -> BackendChoice.openAi(openAi);
      default -> throw new IllegalStateException("Unknown backend " + backendKind);
    };
    try {
      running = StepCacheSetup.builder()
          .packs(PackSource.classPath(StepCacheRuntime.class.getClassLoader()))
          .packSettings(packSettings)
          .hotDeploy(new HotDeploy(packsDir, Path.of("stepcache-work", "packs"), scanInterval, drainTimeout,
              signatures))
          .backend(backendChoice)
          .openStore(() -> InfinispanStepStore.open(dataDir, maxEntries, ttl))
          .clock(clock)
          .config(config)
          .build()
          .start();
      store = (InfinispanStepStore) running.store();
      metrics.watchTrust(running.engine()::trustStats);
      metrics.classifyTenants(tenantClasses);
    } catch (RuntimeException | LinkageError e) {
      stop();
      throw new IllegalStateException("StepCache could not start: " + e.getMessage(), e);
    }
    backendName = running.backend().name();
    modelName = settings.modelName();
    if (openAi != null) {
      LOG.info(() -> "StepCache backend: " + openAi);
    }
    List<String> loaded = running.registry().packs().stream().map(p -> p.id()).sorted().toList();
    LOG.info(() -> "Task packs directory " + packsDir + (scanInterval.isZero() ? " (not watched)" : "") + ", "
        + signatures
        + ": " + packs().list().stream().map(p -> p.id() + " " + p.state()).toList());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info(() -> "StepCache started in " + ms + " ms: packs " + loaded + ", backend " + backendName
        + ", clock " + settings.clock() + ", " + store.size() + " cached entries in " + dataDir);
  }

  @PreDestroy
  void stop() {
    streamWorkers.shutdownNow();
    RunningStepCache r = running;
    running = null;
    store = null;
    if (r != null) {
      r.close();
    }
  }

  /** The threads streamed requests are served on. */
  public Executor streamWorkers() {
    return streamWorkers;
  }

  /** The engine. */
  public StepCacheEngine engine() {
    return runningOrFail().engine();
  }

  private RunningStepCache runningOrFail() {
    RunningStepCache r = running;
    if (r == null) {
      throw new IllegalStateException("StepCache is not running");
    }
    return r;
  }

  /** True between a successful start and the stop. */
  public boolean isRunning() {
    return running != null;
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

  /** How long a stored answer lives at most: the longest {@code X-StepCache-TTL} a request may ask for. */
  public Duration storeTtl() {
    return storeTtl;
  }

  /** The model name the OpenAI-compatible front door reports when a request names none (and such requests key on). */
  public String modelName() {
    return modelName;
  }

  /** Hot deployment of task packs (the admin API). */
  public PackManager packs() {
    return runningOrFail().packs().orElseThrow();
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
