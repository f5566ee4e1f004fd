package io.stepcache.testkit;

import io.stepcache.bootstrap.BackendChoice;
import io.stepcache.bootstrap.PackSource;
import io.stepcache.bootstrap.RunningStepCache;
import io.stepcache.bootstrap.StepCacheSetup;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.StepCacheEngine;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.engine.trust.DeferredTrustWorker;
import io.stepcache.engine.trust.TrustWorker;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.sim.ModelOracle;
import io.stepcache.spi.verify.FactProvider;
import io.stepcache.spi.verify.OutputFact;
import io.stepcache.spi.verify.SignatureChange;
import io.stepcache.spi.verify.StepFact;
import io.stepcache.spi.verify.Verdicts;
import io.stepcache.spi.verify.Verification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One pack, the real engine, the real rules, a simulated model. Not thread-safe; one per test.
 *
 * <pre>{@code
 * try (PackTestKit kit = PackTestKit.forPack(new MathTaskPack()).seed(42).build()) {
 *   CompletionResult r = kit.complete("Solve 3x + 5 = 20");
 *   assertThat(r.path()).isEqualTo(RequestPath.MISS);
 * }
 * }</pre>
 *
 * <p>{@link #forPack} runs the pack's classes from the test class path (fast unit tests of the
 * segmenter, analyser, rules and repair); {@link #forJar} runs the built pack jar in its own class
 * loader, as the server does after a hot deployment (an integration test of the jar).
 */
public final class PackTestKit implements AutoCloseable {

  private final LoadedPack loaded;
  private final SimulatedBackend backend;
  private final VirtualClock clock;
  private final StepStore store;
  private final StepCacheEngine engine;
  private final DeferredTrustWorker trustWorker;
  private final RunningStepCache running;
  private final boolean runTrustJobsAfterEachRequest;

  private PackTestKit(Builder b) {
    this.clock = new VirtualClock();
    this.trustWorker = TrustWorker.deferred(b.config.trust().queueCapacity());
    this.runTrustJobsAfterEachRequest = !b.deferTrustJobs;
    String packId = b.jar != null ? (b.packSettings.isEmpty() ? null : b.jarPackId()) : b.pack.descriptor().id();
    List<ModelOracle> scripted = b.oracle == null ? List.of() : List.of(b.oracle);
    this.running = StepCacheSetup.builder()
        .packs(b.jar != null ? PackSource.jar(b.jar) : PackSource.instance(b.pack))
        .packSettings(packId == null ? Map.of() : Map.of(packId, b.packSettings))
        .backend(BackendChoice.simulated(b.profile, b.errors, b.seed))
        .oracles(packOracles -> {
          List<ModelOracle> all = new ArrayList<>(scripted);
          all.addAll(packOracles);
          return all;
        })
        .sharedStore(b.store)
        .clock(clock)
        .config(b.config)
        .trustWorker(trustWorker)
        .build()
        .start();
    this.loaded = running.registry().packs().iterator().next();
    this.backend = (SimulatedBackend) running.backend();
    this.store = running.store();
    this.engine = running.engine();
  }

  public static Builder forPack(TaskPack pack) {
    return new Builder(pack, null);
  }

  /**
   * A kit whose pack is loaded from a built pack jar exactly as the server loads it: in its own
   * class loader that sees only the JDK, the SPI, the jar and its {@code lib/*.jar}. Proves the jar
   * is complete (service file, rules, bundled libraries) before it goes near a server.
   */
  public static Builder forJar(Path packJar) {
    return new Builder(null, Objects.requireNonNull(packJar, "packJar"));
  }

  /** Serves a prompt for the default tenant with this kit's pack as the task. */
  public CompletionResult complete(String prompt) {
    return complete(CompletionRequest.of(prompt, loaded.id()));
  }

  /**
   * Serves a request (a {@code null} task is detected among this kit's single pack). Then, unless
   * the kit was built with {@link Builder#deferTrustJobs()}, runs the confirmation and audit jobs the
   * request queued, as a server's trust worker that keeps up would before the next request.
   */
  public CompletionResult complete(CompletionRequest request) {
    CompletionResult result = engine.complete(request);
    if (runTrustJobsAfterEachRequest) {
      trustWorker.runPending();
    }
    return result;
  }

  /** Runs the queued confirmation and audit jobs now; returns how many ran. */
  public int runTrustJobs() {
    return trustWorker.runPending();
  }

  /** Confirmation and audit jobs waiting. */
  public int pendingTrustJobs() {
    return trustWorker.pending();
  }

  /** The pack's analysis of a prompt. */
  public Signature analyse(String prompt) {
    return loaded.analyser().analyse(TaskRequest.of(prompt));
  }

  /** Runs the pack's rules (and the shared rules) on a step list, as the engine does. */
  public Verification verify(TaskRequest request, List<String> steps) {
    Signature signature = loaded.analyser().analyse(request);
    String stitched = loaded.stitcher().stitch(steps, request);
    String answer = loaded.stitcher().answerJson(steps, request, signature);
    FactProvider facts = loaded.facts();
    List<Object> all = new ArrayList<>(facts.verificationFacts(request, signature, steps, stitched, answer));
    for (int i = 0; i < steps.size(); i++) {
      all.add(new StepFact(i, steps.get(i), steps.size()));
    }
    all.add(new OutputFact(stitched, steps.size(), answer));
    return Verification.of(loaded.rules().evaluate(all));
  }

  /** Runs the guard rules on a change of signature. */
  public Verdicts guard(Signature cached, Signature fresh) {
    List<Object> all = new ArrayList<>(loaded.facts().guardFacts(cached, fresh));
    all.add(new SignatureChange(cached, fresh));
    return loaded.rules().evaluate(all);
  }

  /** Model calls made on the request path so far (confirmation and audit calls not counted). */
  public long modelCalls() {
    return backend.calls() - engine.trustStats().backgroundCalls();
  }

  /** Model calls made by confirmation and audit jobs so far. */
  public long backgroundModelCalls() {
    return engine.trustStats().backgroundCalls();
  }

  /** The simulated backend (token totals). */
  public SimulatedBackend backend() {
    return backend;
  }

  /** The virtual clock the simulated latencies were charged to. */
  public VirtualClock clock() {
    return clock;
  }

  /** The loaded pack (descriptor, pack key, rules). */
  public LoadedPack loaded() {
    return loaded;
  }

  /** The store verified answers went to. */
  public StepStore store() {
    return store;
  }

  /** The engine under test. */
  public StepCacheEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    running.close();
  }

  /** Configures a kit; everything but the pack has a default. */
  public static final class Builder {
    private final TaskPack pack;
    private final Path jar;
    private long seed = 42;
    private ErrorInjection errors = ErrorInjection.none();
    private SimulationProfile profile = SimulationProfile.llamaServerDefaults();
    private EngineConfig config = EngineConfig.defaults();
    private Map<String, String> packSettings = Map.of();
    private StepStore store = new InMemoryStepStore();
    private boolean deferTrustJobs;
    private ModelOracle oracle;

    private Builder(TaskPack pack, Path jar) {
      this.pack = pack;
      this.jar = jar;
    }

    /** Pack settings of a jar kit are keyed by the id its descriptor declares; read it from the jar. */
    private String jarPackId() {
      try (PackTestKit probe = new Builder(null, jar).build()) {
        return probe.loaded().id();
      }
    }

    /** Seed of the simulated model (default 42). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Errors the simulated model makes (default none). */
    public Builder errors(ErrorInjection errors) {
      this.errors = Objects.requireNonNull(errors, "errors");
      return this;
    }

    /** Latency model (default: llama-server on this machine class). */
    public Builder profile(SimulationProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    public Builder engineConfig(EngineConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The pack's settings, as {@code stepcache.pack.<id>.*} would give them. */
    public Builder packSettings(Map<String, String> settings) {
      this.packSettings = Map.copyOf(settings);
      return this;
    }

    /** The store (default: a new in-memory store); pass one to share it between kits. */
    public Builder store(StepStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Confirmation and audit jobs wait until {@link PackTestKit#runTrustJobs()} (default: they run
     * after each request), to test what a request sees before its neighbours are confirmed.
     */
    public Builder deferTrustJobs() {
      this.deferTrustJobs = true;
      return this;
    }

    /**
     * A model answer script asked before the pack's own oracle (a test decides what the simulated
     * model says, including its mistakes); it answers empty for prompts it leaves to the pack.
     */
    public Builder oracle(ModelOracle scripted) {
      this.oracle = Objects.requireNonNull(scripted, "scripted");
      return this;
    }

    public PackTestKit build() {
      return new PackTestKit(this);
    }
  }
}
