package io.stepcache.bench;

import io.stepcache.backend.openai.OpenAiBackend;
import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.bench.judge.Judge;
import io.stepcache.bench.judge.Verdict;
import io.stepcache.bench.report.Report;
import io.stepcache.bench.report.RequestRecord;
import io.stepcache.bench.report.Row;
import io.stepcache.bench.system.BenchSystem;
import io.stepcache.bench.system.Embedder;
import io.stepcache.bench.system.ExactCacheSystem;
import io.stepcache.bench.system.HttpStepCacheSystem;
import io.stepcache.bench.system.MiniLmEmbedder;
import io.stepcache.bench.system.NoCacheSystem;
import io.stepcache.bench.system.PlainModel;
import io.stepcache.bench.system.SemanticCacheSystem;
import io.stepcache.bench.system.Served;
import io.stepcache.bench.system.ServerKeys;
import io.stepcache.bench.system.StepCacheSystem;
import io.stepcache.bench.system.TruthOracle;
import io.stepcache.bench.workload.BenchRequest;
import io.stepcache.bench.workload.Generator;
import io.stepcache.bench.workload.Workload;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.time.Clock;
import io.stepcache.engine.time.VirtualClock;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs every (system, seed) pair on the seed's workload, one request after another, and judges
 * every answer. Each pair gets fresh instances (empty caches, a new simulated backend with the
 * seed, a new virtual clock), so no system sees another's work.
 *
 * <p>Latency of one request = the model time the simulated backend charged to the virtual clock
 * during the call + the wall time the call took in this JVM (the system's own work: hashing,
 * embedding, Drools verification, and the simulator's bookkeeping). With {@code --clock real} the
 * backend sleeps and the wall time is the whole latency; over HTTP it is the measured round trip.
 */
public final class BenchRun {

  private final Options options;
  private final PrintStream err;
  private final Supplier<Embedder> embedder;
  private final long runId = System.currentTimeMillis() / 1000;

  public BenchRun(Options options, PrintStream err) {
    this(options, err, MiniLmEmbedder::shared);
  }

  /** With another embedder (tests). */
  public BenchRun(Options options, PrintStream err, Supplier<Embedder> embedder) {
    this.options = options;
    this.err = err;
    this.embedder = embedder;
  }

  /** The workloads of the run's seeds. */
  public List<Workload> workloads() {
    Generator g = new Generator(options.bases(), options.variants(), options.workload());
    List<Workload> out = new ArrayList<>();
    for (long seed : options.seeds()) {
      Workload w = g.generate(seed);
      out.add(options.limit() > 0 ? w.limit(options.limit()) : w);
    }
    return out;
  }

  /** Runs everything and returns the report (not yet written). */
  public Report run() {
    List<Workload> workloads = workloads();
    Progress progress = new Progress(err, options.progress(), options.systems().size() * workloads.size());
    if (options.warmup() > 0) {
      warmUp(progress);
    }
    List<Row> rows = new ArrayList<>();
    for (String system : options.systems()) {
      for (Workload w : workloads) {
        try (BenchSystem s = create(system, w.seed(), tenant(system, w.seed(), false), TruthOracle.of(w.requests()))) {
          progress.startJob(s.name() + " seed " + w.seed(), w.size());
          rows.add(new Row(s.name(), w.seed(), runAll(s, w, progress)));
        }
      }
    }
    return new Report(rows);
  }

  private List<RequestRecord> runAll(BenchSystem s, Workload w, Progress progress) {
    List<RequestRecord> records = new ArrayList<>(w.size());
    int correct = 0;
    double latencySum = 0;
    for (BenchRequest r : w.requests()) {
      RequestRecord rec = runOne(s, w.seed(), r);
      records.add(rec);
      correct += rec.correct() ? 1 : 0;
      latencySum += rec.latencyMs();
      progress.step(records.size(), correct, latencySum / records.size());
    }
    return records;
  }

  /** Serves, times and judges one request. */
  static RequestRecord runOne(BenchSystem s, long seed, BenchRequest r) {
    long t0 = System.nanoTime();
    Served served = s.serve(r);
    double wallMs = (System.nanoTime() - t0) / 1e6;
    Verdict v = served.path().equals("ERROR")
        ? Verdict.wrong("nothing served")
        : Judge.judgeAny(r, served.output(), served.answerJson());
    return new RequestRecord(s.name(), seed, r, served, wallMs, wallMs + served.simulatedMs(), v);
  }

  /**
   * Runs a separate workload (seed 1) through a throwaway instance of each system, so class
   * loading, the JIT, Drools' first sessions and the ONNX model load are not charged to the first
   * measured requests.
   */
  private void warmUp(Progress progress) {
    Workload warm = new Generator(options.bases(), options.variants(), options.workload()).generate(1)
        .limit(options.warmup());
    TruthOracle truth = TruthOracle.of(warm.requests());
    long t0 = System.nanoTime();
    for (String system : options.systems()) {
      try (BenchSystem s = create(system, 1, tenant(system, 1, true), truth)) {
        for (BenchRequest r : warm.requests()) {
          runOne(s, 1, r);
        }
      }
    }
    progress.note(String.format(java.util.Locale.ROOT, "warm-up: %d requests per system in %.1f s",
        warm.size(), (System.nanoTime() - t0) / 1e9));
  }

  private String tenant(String system, long seed, boolean warmup) {
    if (system.equals("stepcache-http")) {
      String prefix = options.tenant() != null ? options.tenant() : "stepbench-" + runId;
      return prefix + (warmup ? "-warmup" : "") + "-" + seed;
    }
    return options.tenant() != null ? options.tenant() : "bench";
  }

  /**
   * A fresh instance of {@code system}; {@code truth} answers the seed's JSON prompts first in every
   * simulated backend unless the profile is {@code paper} ({@link
   * io.stepcache.bench.system.SimulationSettings#oracles}).
   */
  private BenchSystem create(String system, long seed, String tenant, TruthOracle truth) {
    Clock clock = options.realClock() ? Clock.system() : new VirtualClock();
    EngineConfig d = EngineConfig.defaults();
    EngineConfig config = new EngineConfig(
        d.similarityThreshold(), d.maxPromptChars(), d.maxSteps(), options.maxTokens(), d.maxTokensLimit())
        .withTrust(d.trust().withConfirm(options.confirm()));
    return switch (system) {
      case "no-cache" -> new NoCacheSystem(model(seed, clock, truth));
      case "exact-cache" -> new ExactCacheSystem(model(seed, clock, truth), tenant);
      case "stepcache" -> options.llmUrl() == null
          ? new StepCacheSystem(options.settings(), seed, clock, tenant, config, truth)
          : new StepCacheSystem(registry -> realBackend(), clock, tenant, config);
      case "stepcache-http" -> {
        Duration timeout = Duration.ofSeconds(options.httpTimeoutSeconds());
        String key = options.apiKey() == null ? null
            : ServerKeys.issue(java.net.URI.create(options.url()), options.apiKey(), tenant, timeout);
        yield new HttpStepCacheSystem(options.url(), tenant, timeout, key);
      }
      default -> {
        if (system.startsWith("semantic-")) {
          double threshold = Double.parseDouble(system.substring("semantic-".length()));
          yield new SemanticCacheSystem(model(seed, clock, truth), embedder.get(), threshold);
        }
        throw new IllegalArgumentException("unknown system " + system);
      }
    };
  }

  /** The model the baselines call: the simulated one of the profile, or the real server. */
  private PlainModel model(long seed, Clock clock, TruthOracle truth) {
    return options.llmUrl() == null
        ? new PlainModel(options.settings().backend(seed, clock, truth), clock, options.maxTokens())
        : new PlainModel(realBackend(), clock, options.maxTokens());
  }

  /** A client of the real server at {@code --llm-url} (temperature as the request asks: none). */
  private Backend realBackend() {
    return new OpenAiBackend(OpenAiSettings.of(options.llmUrl()));
  }

}
