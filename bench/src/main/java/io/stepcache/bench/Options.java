package io.stepcache.bench;

import io.stepcache.bench.system.SimulationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options of {@link StepBench}.
 *
 * @param mode {@code in-process} or {@code http}
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
    boolean printServerConfig) {

  public static final List<String> IN_PROCESS_SYSTEMS =
      List.of("no-cache", "exact-cache", "semantic-0.80", "semantic-0.95", "stepcache");
  public static final List<String> HTTP_SYSTEMS =
      List.of("no-cache", "exact-cache", "semantic-0.80", "semantic-0.95", "stepcache-http");

  public static final String USAGE = """
      StepBench: StepCache against no cache, an exact-match cache and a semantic (MiniLM) cache.

      Options:
        --mode in-process|http     in-process (default): every system in this JVM;
                                   http: the baselines in process, StepCache over HTTP (--url)
        --seeds 42,43,44           workload and model seeds (default 42,43,44)
        --systems a,b,...          default: no-cache,exact-cache,semantic-0.80,semantic-0.95,stepcache
                                   (http mode: stepcache-http instead of stepcache); semantic-<t> for any threshold
        --out DIR                  output directory (default bench-results)
        --profile NAME             simulated model: paper (default), llama-server, perfect
        --clock virtual|real       virtual (default): model latency is simulated, not waited for;
                                   real: the simulated model sleeps (a full run takes hours)
        --limit N                  only the first N requests of each seed
        --bases N                  base prompts per family (default 10)
        --variants N               variants per perturbation, 1..3 (default 3)
        --url URL                  StepCache server for http mode (default http://localhost:9080)
        --http-timeout S           per-request timeout over HTTP in seconds (default 120)
        --tenant NAME              tenant (default: bench in process, stepbench-<time>-<seed> over HTTP)
        --warmup N                 warm-up requests per system before measuring (default 60)
        --no-png                   write SVG plots only
        --quiet                    no progress lines on stderr
        --print-server-config      print the liberty settings for --profile and exit
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
            default -> throw new IllegalArgumentException("unknown option " + a + "\n\n" + USAGE);
          }
        }
      }
    }
    if (!mode.equals("in-process") && !mode.equals("http")) {
      throw new IllegalArgumentException("--mode must be in-process or http, got " + mode);
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
    if (bases < 1 || variants < 1 || variants > 3) {
      throw new IllegalArgumentException("--bases must be at least 1 and --variants 1..3");
    }
    return new Options(mode, seeds, List.copyOf(systems), out, settings, realClock, limit, bases, variants, url,
        tenant, warmup, png, progress, timeout, printServerConfig);
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
