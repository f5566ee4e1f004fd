package io.stepcache.bootstrap;

import io.stepcache.backend.openai.OpenAiBackend;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.time.Clock;
import io.stepcache.packhost.PackArchive;
import io.stepcache.packhost.PackDirectoryWatcher;
import io.stepcache.packhost.PackLoader;
import io.stepcache.packhost.PackManager;
import io.stepcache.rules.DroolsRuleEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * StepCache as {@link StepCacheSetup#start()} built it: the pack registry, the store, the backend,
 * the engine and, with hot deployment, the pack manager and its directory watcher. {@link #close()}
 * stops them in the reverse order (watcher, pack manager, engine and its packs, backend, the store
 * when it was opened here).
 */
public final class RunningStepCache implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RunningStepCache.class.getName());

  private final PackRegistry registry;
  private final StepStore store;
  private final Backend backend;
  private final StepCacheEngine engine;
  private final PackManager packs;
  private final Clock clock;
  private final Deque<AutoCloseable> opened;

  private RunningStepCache(
      PackRegistry registry, StepStore store, Backend backend, StepCacheEngine engine, PackManager packs,
      Clock clock, Deque<AutoCloseable> opened) {
    this.registry = registry;
    this.store = store;
    this.backend = backend;
    this.engine = engine;
    this.packs = packs;
    this.clock = clock;
    this.opened = opened;
  }

  static RunningStepCache start(StepCacheSetup setup) {
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    PackRegistry registry = new PackRegistry();
    opened.push(registry);
    try {
      StepStore store = setup.storeOpener().get();
      if (setup.ownsStore()) {
        opened.push(store);
      }
      PackLoader loader = new PackLoader(new DroolsRuleEngine(), setup.packSettings());
      for (PackSource source : setup.packs()) {
        for (LoadedPack pack : load(loader, source)) {
          registry.register(pack);
        }
      }
      Backend made = backend(setup, registry);
      opened.push(made);
      StepCacheEngine.Builder engineBuilder = StepCacheEngine.builder()
          .registry(registry)
          .store(store)
          .backend(setup.backendDecorator().apply(made))
          .clock(setup.clock())
          .config(setup.config());
      setup.trustWorker().ifPresent(engineBuilder::trustWorker);
      StepCacheEngine engine = engineBuilder.build();
      opened.push(engine);
      PackManager packs = null;
      if (setup.hotDeploy().isPresent()) {
        HotDeploy hot = setup.hotDeploy().get();
        packs = new PackManager(loader, registry, hot.workDirectory(), hot.packsDirectory(), engine::evictPack,
            hot.drainTimeout(), hot.signatures());
        opened.push(packs);
        packs.loadDirectory();
        if (!hot.scanInterval().isZero()) {
          opened.push(new PackDirectoryWatcher(packs, hot.scanInterval()));
        }
      }
      warnAboutPacks(registry, setup);
      return new RunningStepCache(registry, store, made, engine, packs, setup.clock(), opened);
    } catch (RuntimeException | LinkageError e) {
      closeAll(opened);
      throw e;
    }
  }

  // Java 17 has no pattern switch: the sealed hierarchies are matched with instanceof
  private static Backend backend(StepCacheSetup setup, PackRegistry registry) {
    BackendChoice choice = setup.backend();
    if (choice instanceof BackendChoice.Simulated sim) {
      return new SimulatedBackend(sim.profile(), sim.errors(), sim.seed(), setup.clock(),
          () -> setup.oracles().apply(registry.oracles()));
    }
    if (choice instanceof BackendChoice.OpenAi openAi) {
      return new OpenAiBackend(openAi.settings());
    }
    return ((BackendChoice.Custom) choice).factory().apply(registry);
  }

  private static List<LoadedPack> load(PackLoader loader, PackSource source) {
    if (source instanceof PackSource.ClassPath cp) {
      return loader.loadAll(cp.classLoader());
    }
    if (source instanceof PackSource.Instance one) {
      return List.of(loader.load(one.pack(), one.pack().getClass().getClassLoader()));
    }
    Path jar = ((PackSource.Jar) source).jar();
    String name = jar.getFileName().toString();
    return List.of(loader.loadJar(PackArchive.stage(jar, stagingDirectory(), name), name));
  }

  private static Path stagingDirectory() {
    try {
      return Files.createTempDirectory("stepcache-pack");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory to stage a pack jar in: " + e.getMessage(), e);
    }
  }

  private static void warnAboutPacks(PackRegistry registry, StepCacheSetup setup) {
    Set<String> loaded = new TreeSet<>();
    registry.packs().forEach(p -> loaded.add(p.id()));
    if (loaded.isEmpty()) {
      LOG.warning("No task pack is loaded: every request will fail with UNKNOWN_TASK until one is deployed");
    }
    for (String id : setup.packSettings().keySet()) {
      if (!loaded.contains(id)) {
        LOG.warning(() -> "Settings stepcache.pack." + id + ".* name a pack that is not loaded (loaded: " + loaded + ")");
      }
    }
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    while (!opened.isEmpty()) {
      AutoCloseable c = opened.pop();
      try {
        c.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Failed to close " + c, e);
      }
    }
  }

  /** The engine. */
  public StepCacheEngine engine() {
    return engine;
  }

  /** The packs serving now. */
  public PackRegistry registry() {
    return registry;
  }

  /** The store verified answers go to. */
  public StepStore store() {
    return store;
  }

  /** The backend as built (before any decoration). */
  public Backend backend() {
    return backend;
  }

  /** The clock latencies are measured (or, simulated, charged) on. */
  public Clock clock() {
    return clock;
  }

  /** Hot deployment (uploads, the packs directory), when the setup asked for it. */
  public Optional<PackManager> packs() {
    return Optional.ofNullable(packs);
  }

  @Override
  public synchronized void close() {
    closeAll(opened);
  }
}
