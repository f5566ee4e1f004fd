package io.stepcache.microbench;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.pack.PackLoader;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.engine.trust.DeferredTrustWorker;
import io.stepcache.engine.trust.TrustWorker;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.rules.DroolsRuleEngine;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real engine in process, built as bench's {@code StepCacheSystem} builds it: both packs through
 * {@link PackLoader} with the Drools rule engine, an {@link InMemoryStepStore}, default {@link
 * EngineConfig}, a deferred trust worker, and a simulated backend on a virtual clock (so a MISS does
 * not sleep). The model is perfect ({@link ErrorInjection#none()}): the stored entry is right and
 * the measured path does not depend on injected errors.
 */
final class InProcessEngine implements AutoCloseable {

  static final String TASK = "math-linear";

  private final StepCacheEngine engine;
  private final DeferredTrustWorker trustWorker;
  private final String tenant;

  InProcessEngine(String tenant) {
    this.tenant = tenant;
    quietLogging();
    PackLoader loader = new PackLoader(new DroolsRuleEngine(), Map.of());
    PackRegistry registry = new PackRegistry();
    ClassLoader cl = InProcessEngine.class.getClassLoader();
    registry.register(loader.load(new MathTaskPack(), cl));
    registry.register(loader.load(new JsonTaskPack(), cl));
    VirtualClock clock = new VirtualClock();
    SimulatedBackend backend = new SimulatedBackend(SimulationProfile.llamaServerDefaults(), ErrorInjection.none(), 42L,
        clock, registry::oracles);
    trustWorker = TrustWorker.deferred(EngineConfig.defaults().trust().queueCapacity());
    engine = StepCacheEngine.builder()
        .registry(registry)
        .store(new InMemoryStepStore())
        .backend(backend)
        .clock(clock)
        .config(EngineConfig.defaults())
        .trustWorker(trustWorker)
        .build();
  }

  /** The math request for {@code prompt}, for this engine's tenant. */
  CompletionRequest request(String prompt) {
    return new CompletionRequest(prompt, TASK, tenant, null, List.of(), null, null, null);
  }

  /** Serves {@code request}. */
  CompletionResult complete(CompletionRequest request) {
    return engine.complete(request);
  }

  /**
   * Serves {@code prompt} and then runs the confirmation and audit jobs it queued, as a server's
   * trust worker that keeps up would (bench's StepCacheSystem does the same after each request).
   */
  CompletionResult serveAndSettle(String prompt) {
    CompletionResult r = engine.complete(request(prompt));
    trustWorker.runPending();
    return r;
  }

  /**
   * The engine and Drools log every pack load at INFO into JMH's output; WARNING and above only,
   * unless {@code -Dmicrobench.verbose=true}.
   */
  private static void quietLogging() {
    if (Boolean.getBoolean("microbench.verbose")) {
      return;
    }
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (Handler h : root.getHandlers()) {
      h.setLevel(Level.WARNING);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
