package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.PackLoader;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.rules.DroolsRuleEngine;
import java.util.Map;

/**
 * The real engine in process: both packs loaded through {@link PackLoader} with the Drools rule
 * engine, an {@link InMemoryStepStore}, default {@link EngineConfig}, and its own simulated backend
 * (same profile and seed as the baselines').
 */
public final class StepCacheSystem implements BenchSystem {

  private final StepCacheEngine engine;
  private final SimulatedBackend backend;
  private final Clock clock;
  private final String tenant;

  public StepCacheSystem(SimulationSettings settings, long seed, Clock clock, String tenant) {
    this.clock = clock;
    this.tenant = tenant;
    PackLoader loader = new PackLoader(new DroolsRuleEngine(), Map.of());
    PackRegistry registry = new PackRegistry();
    ClassLoader cl = StepCacheSystem.class.getClassLoader();
    registry.register(loader.load(new MathTaskPack(), cl));
    registry.register(loader.load(new JsonTaskPack(), cl));
    this.backend = new SimulatedBackend(
        settings.profile(), settings.errors(), seed, clock,
        () -> registry.packs().stream().flatMap(p -> p.pack().oracle().stream()).toList());
    this.engine = StepCacheEngine.builder()
        .registry(registry)
        .store(new InMemoryStepStore())
        .backend(backend)
        .clock(clock)
        .config(EngineConfig.defaults())
        .build();
  }

  @Override
  public String name() {
    return "stepcache";
  }

  @Override
  public Served serve(BenchRequest request) {
    long callsBefore = backend.calls();
    double before = virtualMs();
    try {
      CompletionResult r = engine.complete(request.toCompletionRequest(tenant));
      boolean fromCache = r.path() == RequestPath.REUSE || r.path() == RequestPath.PATCH;
      return new Served(r.output(), r.answerJson(), r.path().name(), fromCache, r.usage().promptTokens(),
          r.usage().completionTokens(), (int) (backend.calls() - callsBefore), r.similarity(), r.verified(),
          virtualMs() - before, null);
    } catch (StepCacheException e) {
      return Served.error(e.getMessage(), virtualMs() - before, (int) (backend.calls() - callsBefore));
    }
  }

  private double virtualMs() {
    return clock instanceof VirtualClock ? clock.nanoTime() / 1e6 : 0;
  }

  @Override
  public void close() {
    engine.close();
  }
}
