package io.stepcache.bench;

import io.stepcache.bench.system.SimulationSettings;
import io.stepcache.bench.workload.WorkloadKind;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.trust.TrustSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link StepBench}.
 *
 * @param mode {@code in-process}, {@code http} or {@code load}
 * @param seeds workload (and simulated model) seeds
 * @param systems systems to run, by name
 * @param out output directory
 * @param settings simulated model
 * @param realClock true to let the simulated model really sleep (slow); false for the virtual clock
 * @param limit at most this many requests per seed (0 = all)
 * @param bases base prompts per family
 * @param variants variants per perturbation
 * @param url server base URL (HTTP mode)
 * @param tenant tenant (prefix, HTTP mode: a per-seed suffix keeps seeds apart)
 * @param warmup warm-up requests per system before measuring (0 = none)
 * @param png also write PNG plots
 * @param progress print progress lines on stderr
 * @param httpTimeoutSeconds per-request timeout over HTTP
 * @param printServerConfig print the liberty settings for the profile instead of running
 * @param llmUrl base URL of a real OpenAI-compatible model server (e.g. llama-server's
 *     {@code http://127.0.0.1:8091/v1}) every in-process system calls instead of the simulated
 *     model, or {@code null}; implies the real clock
 * @param maxTokens output token limit of every model call
 * @param concurrency load mode: the numbers of concurrent clients, one measurement each
 * @param durationSeconds load mode: measured seconds per (endpoint, concurrency)
 * @param loadWarmupSeconds load mode: unmeasured seconds before each measurement
 * @param loadClient load mode: {@code socket} (keep-alive HTTP/1.1 over plain sockets) or {@code jdk}
 *     ({@code java.net.http.HttpClient}, HTTP/1.1)
 * @param loadResults a load.json to take the load targets from in the other modes, or {@code null}
 * @param workload which JSON texts the workload uses ({@code paper} or {@code adversarial})
 * @param confirm when StepCache confirms provisional steps ({@code stepcache.trust.confirm})
 */
public record Options(
    String mode,
    List<Long> seeds,
    List<String> systems,
    Path out,
    SimulationSettings settings,
    boolean realClock,
    int limit,
    int bases,
    int variants,
    String url,
    String tenant,
    int warmup,
    boolean png,
    boolean progress,
    int httpTimeoutSeconds,
    boolean printServerConfig,
    List<Integer> concurrency,
    double durationSeconds,
    double loadWarmupSeconds,
    String loadClient,
    Path loadResults,
    String llmUrl,
    int maxTokens,
    WorkloadKind workload,
    TrustSettings.Confirm confirm) {

  public static final List<String> IN_PROCESS_SYSTEMS =
      List.of("no-cache", "exact-cache", "semantic-0.80", "semantic-0.95", "stepcache");
  public static final List<String> HTTP_SYSTEMS =
      List.of("no-cache", "exact-cache", "semantic-0.80", "semantic-0.95", "stepcache-http");
  public static final List<Integer> DEFAULT_CONCURRENCY = List.of(1, 2, 4, 8, 16, 32, 64);

  public static final String USAGE = """
      StepBench: StepCache against no cache, an exact-match cache and a semantic (MiniLM) cache.

      Options:
        --mode in-process|http|load
                                   in-process (default): every system in this JVM;
                                   http: the baselines in process, StepCache over HTTP (--url);
                                   load: REUSE-path throughput and p50/p99 over HTTP against the
                                   server's bare echo endpoint (needs stepcache.bench.echo.enabled=true)
        --seeds 42,43,44           workload and model seeds (default 42,43,44)
        --systems a,b,...          default: no-cache,exact-cache,semantic-0.80,semantic-0.95,stepcache
                                   (http mode: stepcache-http instead of stepcache); semantic-<t> for any threshold
        --out DIR                  output directory (default bench-results)
        --profile NAME             simulated model: paper (default), adversarial, adversarial-30,
                                   llama-server, perfect (all but paper answer JSON from the
                                   workload's truth; adversarial adds grounded distractors at 0.05
                                   per key line, adversarial-30 at 0.30)
        --workload paper|adversarial
                                   JSON texts: paper (default) or adversarial (every requested value
                                   beside a same-typed distractor: a maximum, a negated number, an
                                   old price, a sibling, another city)
        --clock virtual|real       virtual (default): model latency is simulated, not waited for;
                                   real: the simulated model sleeps (a full run takes hours)
        --limit N                  only the first N requests of each seed
        --bases N                  base prompts per family (default 10)
        --variants N               variants per perturbation, 1..3 (default 3)
        --url URL                  StepCache server for http and load mode (default http://localhost:9080)
        --http-timeout S           per-request timeout over HTTP in seconds (default 120)
        --tenant NAME              tenant (default: bench in process, stepbench-<time>-<seed> over HTTP)
        --warmup N                 warm-up requests per system before measuring (default 60)
        --no-png                   write SVG plots only
        --quiet                    no progress lines on stderr
        --print-server-config      print the liberty settings for --profile and exit

      Load mode:
        --concurrency 1,2,4,...    concurrent clients, one closed-loop measurement each
                                   (default 1,2,4,8,16,32,64)
        --duration S               measured seconds per endpoint and concurrency (default 5)
        --load-warmup S            unmeasured seconds before each measurement (default 1)
        --load-client socket|jdk   socket (default): keep-alive HTTP/1.1 on plain sockets, one per
                                   client; jdk: java.net.http.HttpClient (HTTP/1.1)
        --load-results FILE        in-process/http mode: take the load targets from this load.json
                                   (default: load.json in --out when it exists)
        --llm-url URL              call a real OpenAI-compatible server (e.g. http://127.0.0.1:8091/v1, the
                                   build's llama-server) instead of the simulated model; implies --clock real
        --max-tokens N             output token limit of every model call (default 512)
        --confirm eager|on-demand  when StepCache confirms provisional steps (default eager: a background
                                   job right after the entry is stored; on-demand: the next request that
                                   needs the step asks for it again)
        --help                     this text
      """;

  /** Parses {@code args}; throws {@link IllegalArgumentException} with a message a person can act on. */
  public static Options parse(String[] args) {
    String mode = "in-process";
    List<Long> seeds = List.of(42L, 43L, 44L);
    List<String> systems = null;
    Path out = Path.of("bench-results");
    SimulationSettings settings = SimulationSettings.paper();
    boolean realClock = false;
    int limit = 0;
    int bases = 10;
    int variants = 3;
    String url = "http://localhost:9080";
    String tenant = null;
    int warmup = 60;
    boolean png = true;
    boolean progress = true;
    int timeout = 120;
    boolean printServerConfig = false;
    List<Integer> concurrency = DEFAULT_CONCURRENCY;
    double duration = 5;
    double loadWarmup = 1;
    String loadClient = "socket";
    Path loadResults = null;
    String llmUrl = null;
    int maxTokens = EngineConfig.defaults().defaultMaxTokens();
    WorkloadKind workload = WorkloadKind.PAPER;
    TrustSettings.Confirm confirm = TrustSettings.defaults().confirm();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        v = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      switch (a) {
        case "--help", "-h" -> throw new HelpRequested();
        case "--no-png" -> png = false;
        case "--quiet" -> progress = false;
        case "--print-server-config" -> printServerConfig = true;
        default -> {
          if (v == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("option " + a + " needs a value\n\n" + USAGE);
            }
            v = args[++i];
          }
          switch (a) {
            case "--mode" -> mode = v.toLowerCase(Locale.ROOT);
            case "--seeds" -> seeds = parseSeeds(v);
            case "--systems" -> systems = List.of(v.split("\\s*,\\s*"));
            case "--out" -> out = Path.of(v);
            case "--profile" -> settings = SimulationSettings.named(v);
            case "--workload" -> workload = WorkloadKind.named(v);
            case "--clock" -> realClock = switch (v.toLowerCase(Locale.ROOT)) {
              case "real" -> true;
              case "virtual" -> false;
              default -> throw new IllegalArgumentException("--clock must be virtual or real, got " + v);
            };
            case "--limit" -> limit = positiveOrZero(a, v);
            case "--bases" -> bases = positiveOrZero(a, v);
            case "--variants" -> variants = positiveOrZero(a, v);
            case "--url" -> url = v;
            case "--tenant" -> tenant = v;
            case "--warmup" -> warmup = positiveOrZero(a, v);
            case "--http-timeout" -> timeout = positiveOrZero(a, v);
            case "--concurrency" -> concurrency = parseConcurrency(v);
            case "--duration" -> duration = positiveSeconds(a, v, false);
            case "--load-warmup" -> loadWarmup = positiveSeconds(a, v, true);
            case "--load-client" -> loadClient = switch (v.toLowerCase(Locale.ROOT)) {
              case "socket", "jdk" -> v.toLowerCase(Locale.ROOT);
              default -> throw new IllegalArgumentException("--load-client must be socket or jdk, got " + v);
            };
            case "--load-results" -> loadResults = Path.of(v);
            case "--llm-url" -> llmUrl = v;
            case "--max-tokens" -> maxTokens = positiveOrZero(a, v);
            case "--confirm" -> confirm = switch (v.toLowerCase(Locale.ROOT)) {
              case "eager" -> TrustSettings.Confirm.EAGER;
              case "on-demand" -> TrustSettings.Confirm.ON_DEMAND;
              default -> throw new IllegalArgumentException("--confirm must be eager or on-demand, got " + v);
            };
            default -> throw new IllegalArgumentException("unknown option " + a + "\n\n" + USAGE);
          }
        }
      }
    }
    if (!mode.equals("in-process") && !mode.equals("http") && !mode.equals("load")) {
      throw new IllegalArgumentException("--mode must be in-process, http or load, got " + mode);
    }
    if (timeout < 1) {
      throw new IllegalArgumentException("--http-timeout must be at least 1 second");
    }
    if (systems == null) {
      systems = mode.equals("http") ? HTTP_SYSTEMS : IN_PROCESS_SYSTEMS;
    }
    for (String s : systems) {
      if (!s.equals("no-cache") && !s.equals("exact-cache") && !s.equals("stepcache") && !s.equals("stepcache-http")
          && !s.matches("semantic-(0(\\.\\d+)?|1(\\.0+)?)")) {
        throw new IllegalArgumentException("unknown system '" + s
            + "'; use no-cache, exact-cache, semantic-<threshold>, stepcache, stepcache-http");
      }
    }
    if (llmUrl != null) {
      if (!llmUrl.matches("https?://\\S+")) {
        throw new IllegalArgumentException("--llm-url must be an http(s) URL such as http://127.0.0.1:8091/v1, got " + llmUrl);
      }
      realClock = true;
    }
    if (maxTokens < 1 || maxTokens > EngineConfig.defaults().maxTokensLimit()) {
      throw new IllegalArgumentException(
          "--max-tokens must be between 1 and " + EngineConfig.defaults().maxTokensLimit() + ", got " + maxTokens);
    }
    if (bases < 1 || variants < 1 || variants > 3) {
      throw new IllegalArgumentException("--bases must be at least 1 and --variants 1..3");
    }
    return new Options(mode, seeds, List.copyOf(systems), out, settings, realClock, limit, bases, variants, url,
        tenant, warmup, png, progress, timeout, printServerConfig, concurrency, duration, loadWarmup, loadClient,
        loadResults, llmUrl, maxTokens, workload, confirm);
  }

  /** True for {@code --mode load}. */
  public boolean loadMode() {
    return mode.equals("load");
  }

  private static List<Integer> parseConcurrency(String v) {
    List<Integer> out = new ArrayList<>();
    for (String s : v.split("\\s*,\\s*")) {
      int n;
      try {
        n = Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--concurrency takes comma-separated integers 1..1024, got " + v);
      }
      if (n < 1 || n > 1024) {
        throw new IllegalArgumentException("--concurrency takes comma-separated integers 1..1024, got " + v);
      }
      if (out.contains(n)) {
        throw new IllegalArgumentException("--concurrency names " + n + " twice");
      }
      out.add(n);
    }
    return List.copyOf(out);
  }

  private static double positiveSeconds(String option, String v, boolean zeroAllowed) {
    double d;
    try {
      d = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (!Double.isFinite(d) || d < 0 || (d == 0 && !zeroAllowed) || d > 3600) {
      throw new IllegalArgumentException(option + " takes a number of seconds " + (zeroAllowed ? "from 0" : "above 0")
          + " to 3600, got " + v);
    }
    return d;
  }

  private static List<Long> parseSeeds(String v) {
    List<Long> seeds = new ArrayList<>();
    for (String s : v.split("\\s*,\\s*")) {
      try {
        seeds.add(Long.parseLong(s));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--seeds takes comma-separated integers, got " + v);
      }
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("--seeds needs at least one seed");
    }
    return List.copyOf(seeds);
  }

  private static int positiveOrZero(String option, String v) {
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a non-negative integer, got " + v);
    }
  }

  /** {@code --help} was given. */
  static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
