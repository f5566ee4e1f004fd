package io.stepcache.bench.system;

import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bootstrap.BackendChoice;
import io.stepcache.bootstrap.PackSource;
import io.stepcache.bootstrap.RunningStepCache;
import io.stepcache.bootstrap.StepCacheSetup;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.PackRegistry;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.engine.trust.DeferredTrustWorker;
import io.stepcache.engine.trust.TrustWorker;
import io.stepcache.packhost.PackLoader;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.math.MathTaskPack;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.sim.ModelOracle;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The real engine in process: both packs loaded through {@link PackLoader} with the Drools rule
 * engine, an {@link InMemoryStepStore}, default {@link EngineConfig} (or the one given), and its own
 * simulated backend (same profile and seed as the baselines').
 */
public final class StepCacheSystem implements BenchSystem {

  private final StepCacheEngine engine;
  private final RunningStepCache running;
  private final CountingBackend backend;
  private final SimulatedBackend simulated;
  private final Clock clock;
  private final String tenant;
  private volatile CompletionResult last;
  /**
   * Confirmation and audit jobs run after each request, before the next one: a server's trust
   * worker that keeps up with the arrivals. Their model time is not charged to any request (it is
   * off the request path); their tokens are reported as the request's background tokens.
   */
  private final DeferredTrustWorker trustWorker = TrustWorker.deferred(EngineConfig.defaults().trust().queueCapacity());

  public StepCacheSystem(SimulationSettings settings, long seed, Clock clock, String tenant) {
    this(settings, seed, clock, tenant, EngineConfig.defaults());
  }

  /** With other engine settings (the checkpoint benchmark varies the checkpoint policy). */
  public StepCacheSystem(SimulationSettings settings, long seed, Clock clock, String tenant, EngineConfig config) {
    this(settings, seed, clock, tenant, config, null);
  }

  /**
   * With a truthful oracle ({@code null} for none) that answers before the packs' oracles unless
   * the profile is {@code paper} ({@link SimulationSettings#oracles}).
   */
  public StepCacheSystem(
      SimulationSettings settings, long seed, Clock clock, String tenant, EngineConfig config, ModelOracle truth) {
    this(BackendChoice.simulated(settings.profile(), settings.errors(), seed),
        packOracles -> settings.oracles(truth, packOracles), clock, tenant, config);
  }

  /**
   * With the backend {@code backendFor} makes for the packs' registry (a real server: pass the real
   * clock).
   */
  public StepCacheSystem(
      Function<PackRegistry, Backend> backendFor, Clock clock, String tenant, EngineConfig config) {
    this(BackendChoice.custom(backendFor), UnaryOperator.identity(), clock, tenant, config);
  }

  private StepCacheSystem(
      BackendChoice choice, UnaryOperator<List<ModelOracle>> oracles, Clock clock, String tenant, EngineConfig config) {
    this.clock = clock;
    this.tenant = tenant;
    AtomicReference<CountingBackend> counting = new AtomicReference<>();
    this.running = StepCacheSetup.builder()
        .packs(PackSource.instance(new MathTaskPack()), PackSource.instance(new JsonTaskPack()))
        .backend(choice)
        .oracles(oracles)
        .decorateBackend(made -> {
          counting.set(new CountingBackend(made));
          return counting.get();
        })
        .clock(clock)
        .config(config)
        .trustWorker(trustWorker)
        .build()
        .start();
    this.simulated = running.backend() instanceof SimulatedBackend sim ? sim : null;
    this.engine = running.engine();
    this.backend = counting.get();
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
      last = r;
      int calls = (int) (backend.calls() - callsBefore);
      double simulatedMs = virtualMs() - before;
      long backgroundBefore = engine.trustStats().backgroundTokens();
      trustWorker.runPending();
      long background = engine.trustStats().backgroundTokens() - backgroundBefore;
      boolean fromCache = r.path() == RequestPath.REUSE || r.path() == RequestPath.PATCH;
      return new Served(r.output(), r.answerJson(), r.path().name(), fromCache, r.usage().promptTokens(),
          r.usage().completionTokens(), calls, r.similarity(), r.verified(), simulatedMs, null, background,
          r.verification().wireName(),
          r.steps().stream().filter(st -> st.origin() == StepOrigin.REUSED).map(ServedStep::text).toList());
    } catch (StepCacheException e) {
      return Served.error(e.getMessage(), virtualMs() - before, (int) (backend.calls() - callsBefore));
    }
  }

  /** The engine's result for the last request served without an error, or {@code null}. */
  public CompletionResult lastResult() {
    return last;
  }

  /**
   * The simulated backend (counts the prompt tokens it did not prefill thanks to checkpoints).
   *
   * @throws IllegalStateException when this system talks to a real server
   */
  public SimulatedBackend backend() {
    if (simulated == null) {
      throw new IllegalStateException("this StepCache system uses a real backend, not the simulated one");
    }
    return simulated;
  }

  /** The engine (its store holds the entries and their checkpoints). */
  public StepCacheEngine engine() {
    return engine;
  }

  private double virtualMs() {
    return clock instanceof VirtualClock ? clock.nanoTime() / 1e6 : 0;
  }

  @Override
  public void close() {
    running.close();
  }
}
