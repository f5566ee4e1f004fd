package io.stepcache.microbench;

import io.stepcache.bootstrap.BackendChoice;
import io.stepcache.bootstrap.PackSource;
import io.stepcache.bootstrap.RunningStepCache;
import io.stepcache.bootstrap.StepCacheSetup;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.engine.trust.DeferredTrustWorker;
import io.stepcache.engine.trust.TrustWorker;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.math.MathTaskPack;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real engine in process, started by the bootstrap as bench's {@code StepCacheSystem} starts
 * it: both packs through the pack host with the Drools rule engine, an in-memory store, default
 * {@link EngineConfig}, a deferred trust worker, and a simulated backend on a virtual clock (so a MISS does
 * not sleep). The model is perfect ({@link ErrorInjection#none()}): the stored entry is right and
 * the measured path does not depend on injected errors.
 */
final class InProcessEngine implements AutoCloseable {

  static final String TASK = "math-linear";

  private final RunningStepCache running;
  private final StepCacheEngine engine;
  private final DeferredTrustWorker trustWorker;
  private final String tenant;

  InProcessEngine(String tenant) {
    this.tenant = tenant;
    quietLogging();
    trustWorker = TrustWorker.deferred(EngineConfig.defaults().trust().queueCapacity());
    running = StepCacheSetup.builder()
        .packs(PackSource.instance(new MathTaskPack()), PackSource.instance(new JsonTaskPack()))
        .backend(BackendChoice.simulated(SimulationProfile.llamaServerDefaults(), ErrorInjection.none(), 42L))
        .clock(new VirtualClock())
        .trustWorker(trustWorker)
        .build()
        .start();
    engine = running.engine();
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
    running.close();
  }
}
