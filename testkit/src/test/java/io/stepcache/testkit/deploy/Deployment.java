package io.stepcache.testkit.deploy;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.packhost.PackLoader;
import io.stepcache.packhost.PackManager;
import io.stepcache.rules.DroolsRuleEngine;
import io.stepcache.testkit.PackJarBuilder;
import io.stepcache.testkit.countdown.CountdownPack;
import io.stepcache.testkit.jarpack.JarPack;
import io.stepcache.testkit.jarpacklib.Doubler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A server without a server: the real engine, the Drools rules, a simulated model, an in-memory
 * store, the built-in countdown pack (from the class path) and a {@link PackManager} over a packs
 * directory. Jars of the {@link JarPack} are built on demand.
 */
final class Deployment implements AutoCloseable {

  final Path root;
  final Path packsDir;
  final PackRegistry registry = new PackRegistry();
  final PackLoader loader = new PackLoader(new DroolsRuleEngine(), Map.of());
  final InMemoryStepStore store = new InMemoryStepStore();
  final StepCacheEngine engine;
  final PackManager manager;

  Deployment(Path root) {
    this(root, UnaryOperator.identity());
  }

  /** @param backendWrapper wraps the simulated backend (e.g. to hold requests in flight) */
  Deployment(Path root, UnaryOperator<Backend> backendWrapper) {
    this.root = root;
    this.packsDir = root.resolve("packs");
    registry.register(loader.load(new CountdownPack(), CountdownPack.class.getClassLoader()));
    Backend backend = backendWrapper.apply(new SimulatedBackend(
        SimulationProfile.llamaServerDefaults(), ErrorInjection.none(), 42, new VirtualClock(), registry::oracles));
    engine = StepCacheEngine.builder()
        .registry(registry).store(store).backend(backend).clock(new VirtualClock()).config(EngineConfig.defaults())
        .build();
    manager = new PackManager(loader, registry, root.resolve("work"), packsDir, engine::evictPack, Duration.ofSeconds(30));
  }

  CompletionResult complete(String tenant, String task, String prompt) {
    return engine.complete(CompletionRequest.of(prompt, task).withTenant(tenant));
  }

  LoadedPack live(String id) {
    return registry.byId(id);
  }

  /** Waits until every replaced or removed pack is closed. */
  void awaitRetirements() throws Exception {
    manager.retirements().get(30, TimeUnit.SECONDS);
  }

  /** A jar of the doubling pack with the given pack.properties lines (id, version, ...). */
  static PackJarBuilder jar(String... properties) {
    return PackJarBuilder.create()
        .packageOf(JarPack.class)
        .resourceFrom(JarPack.class, "/jarpack/rules.drl")
        .resource("jarpack/pack.properties", String.join("\n", properties) + "\n")
        .service(JarPack.class)
        .manifest("StepCache-Requires-Spi", "[1.0,2.0)")
        .library("doubler.jar", PackJarBuilder.create().packageOf(Doubler.class));
  }

  Path write(String fileName, PackJarBuilder jar) {
    return jar.writeTo(root.resolve("jars").resolve(fileName));
  }

  @Override
  public void close() {
    manager.close();
    engine.close();
  }
}
