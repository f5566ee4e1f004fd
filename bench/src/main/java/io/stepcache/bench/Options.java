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
 * @param apiKey http and load mode: an administrator key of the server, or {@code null} (calls carry no key)
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
    TrustSettings.Confirm confirm,
    String apiKey) {

  public static final List<String> IN_PROCESS_SYSTEMS =
      List.of("no-cache", "exact-cache", "semantic-0.80", "semantic-0.95", "stepcache");
  public static final List<String> HTTP_SYSTEMS =
      List.of("no-cache", "exact-cache", "semantic-0.80", "semantic-0.95", "stepcache-http");
  public static final List<Integer> DEFAULT_CONCURRENCY = List.of(1, 2, 4, 8, 16, 32, 64);

  /** The help text ({@code --help}), from picocli. */
  public static String usage() {
    return StepBenchArgs.usage();
  }

  /**
   * Parses {@code args} (picocli, {@link StepBenchArgs}); throws {@link IllegalArgumentException} with a
   * message a person can act on, {@link HelpRequested} for {@code --help}.
   */
  public static Options parse(String[] args) {
    StepBenchArgs a = StepBenchArgs.parse(args);
    String mode = a.mode.toLowerCase(Locale.ROOT);
    SimulationSettings settings = a.profile == null ? SimulationSettings.paper() : SimulationSettings.named(a.profile);
    WorkloadKind workload = a.workload == null ? WorkloadKind.PAPER : WorkloadKind.named(a.workload);
    boolean realClock = switch (a.clock.toLowerCase(Locale.ROOT)) {
      case "real" -> true;
      case "virtual" -> false;
      default -> throw new IllegalArgumentException("--clock must be virtual or real, got " + a.clock);
    };
    String loadClient = switch (a.loadClient.toLowerCase(Locale.ROOT)) {
      case "socket", "jdk" -> a.loadClient.toLowerCase(Locale.ROOT);
      default -> throw new IllegalArgumentException("--load-client must be socket or jdk, got " + a.loadClient);
    };
    TrustSettings.Confirm confirm = a.confirm == null ? TrustSettings.defaults().confirm()
        : switch (a.confirm.toLowerCase(Locale.ROOT)) {
          case "eager" -> TrustSettings.Confirm.EAGER;
          case "on-demand" -> TrustSettings.Confirm.ON_DEMAND;
          default -> throw new IllegalArgumentException("--confirm must be eager or on-demand, got " + a.confirm);
        };
    nonNegative("--limit", a.limit);
    nonNegative("--bases", a.bases);
    nonNegative("--variants", a.variants);
    nonNegative("--warmup", a.warmup);
    nonNegative("--http-timeout", a.httpTimeout);
    List<Integer> concurrency = a.concurrency == null ? DEFAULT_CONCURRENCY : parseConcurrency(a.concurrency);
    double duration = positiveSeconds("--duration", a.duration, false);
    double loadWarmup = positiveSeconds("--load-warmup", a.loadWarmup, true);
    if (!mode.equals("in-process") && !mode.equals("http") && !mode.equals("load")) {
      throw new IllegalArgumentException("--mode must be in-process, http or load, got " + mode);
    }
    if (a.httpTimeout < 1) {
      throw new IllegalArgumentException("--http-timeout must be at least 1 second");
    }
    if (a.seeds.isEmpty()) {
      throw new IllegalArgumentException("--seeds needs at least one seed");
    }
    List<String> systems = a.systems != null ? a.systems : mode.equals("http") ? HTTP_SYSTEMS : IN_PROCESS_SYSTEMS;
    for (String s : systems) {
      if (!s.equals("no-cache") && !s.equals("exact-cache") && !s.equals("stepcache") && !s.equals("stepcache-http")
          && !s.matches("semantic-(0(\\.\\d+)?|1(\\.0+)?)")) {
        throw new IllegalArgumentException("unknown system '" + s
            + "'; use no-cache, exact-cache, semantic-<threshold>, stepcache, stepcache-http");
      }
    }
    if (a.llmUrl != null) {
      if (!a.llmUrl.matches("https?://\\S+")) {
        throw new IllegalArgumentException("--llm-url must be an http(s) URL such as http://127.0.0.1:8091/v1, got "
            + a.llmUrl);
      }
      realClock = true;
    }
    int maxTokensLimit = EngineConfig.defaults().maxTokensLimit();
    if (a.maxTokens < 1 || a.maxTokens > maxTokensLimit) {
      throw new IllegalArgumentException(
          "--max-tokens must be between 1 and " + maxTokensLimit + ", got " + a.maxTokens);
    }
    if (a.bases < 1 || a.variants < 1 || a.variants > 3) {
      throw new IllegalArgumentException("--bases must be at least 1 and --variants 1..3");
    }
    return new Options(mode, List.copyOf(a.seeds), List.copyOf(systems), a.out, settings, realClock, a.limit, a.bases,
        a.variants, a.url, a.tenant, a.warmup, !a.noPng, !a.quiet, a.httpTimeout, a.printServerConfig, concurrency,
        duration, loadWarmup, loadClient, a.loadResults, a.llmUrl, a.maxTokens, workload, confirm,
        a.apiKey == null || a.apiKey.isBlank() ? null : a.apiKey.strip());
  }

  /** True for {@code --mode load}. */
  public boolean loadMode() {
    return mode.equals("load");
  }

  private static List<Integer> parseConcurrency(List<String> values) {
    String v = String.join(",", values);
    List<Integer> out = new ArrayList<>();
    for (String s : values) {
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

  private static void nonNegative(String option, int n) {
    if (n < 0) {
      throw new IllegalArgumentException(option + " takes a non-negative integer, got " + n);
    }
  }

  /** {@code --help} was given. */
  static final class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }
}
