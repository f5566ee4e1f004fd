package io.stepcache.bench;

import io.stepcache.engine.EngineConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * StepBench's command line as picocli sees it: every flag with its default, as before picocli.
 * {@link Options#parse} checks the values' ranges and builds the {@link Options} record.
 */
@Command(name = "StepBench", sortOptions = false, usageHelpAutoWidth = true,
    description = "StepBench: StepCache against no cache, an exact-match cache and a semantic (MiniLM) cache.")
final class StepBenchArgs {

  @Option(names = "--mode", paramLabel = "in-process|http|load", description = {
      "in-process (default): every system in this JVM;",
      "http: the baselines in process, StepCache over HTTP (--url);",
      "load: REUSE-path throughput and p50/p99 over HTTP against the server's bare echo endpoint",
      "(needs stepcache.bench.echo.enabled=true)"})
  String mode = "in-process";

  @Option(names = "--seeds", split = "\\s*,\\s*", splitSynopsisLabel = ",", paramLabel = "42,43,44",
      description = "workload and model seeds (default 42,43,44)")
  List<Long> seeds = List.of(42L, 43L, 44L);

  @Option(names = "--systems", split = "\\s*,\\s*", splitSynopsisLabel = ",", paramLabel = "a,b,...", description = {
      "default: no-cache,exact-cache,semantic-0.80,semantic-0.95,stepcache",
      "(http mode: stepcache-http instead of stepcache); semantic-<t> for any threshold"})
  List<String> systems;

  @Option(names = "--out", paramLabel = "DIR", description = "output directory (default bench-results)")
  Path out = Path.of("bench-results");

  @Option(names = "--profile", paramLabel = "NAME", description = {
      "simulated model: paper (default), adversarial, adversarial-30, llama-server, perfect (all but paper",
      "answer JSON from the workload's truth; adversarial adds grounded distractors at 0.05 per key line,",
      "adversarial-30 at 0.30)"})
  String profile;

  @Option(names = "--workload", paramLabel = "paper|adversarial", description = {
      "JSON texts: paper (default) or adversarial (every requested value beside a same-typed distractor:",
      "a maximum, a negated number, an old price, a sibling, another city)"})
  String workload;

  @Option(names = "--clock", paramLabel = "virtual|real", description = {
      "virtual (default): model latency is simulated, not waited for;",
      "real: the simulated model sleeps (a full run takes hours)"})
  String clock = "virtual";

  @Option(names = "--limit", paramLabel = "N", description = "only the first N requests of each seed")
  int limit;

  @Option(names = "--bases", paramLabel = "N", description = "base prompts per family (default 10)")
  int bases = 10;

  @Option(names = "--variants", paramLabel = "N", description = "variants per perturbation, 1..3 (default 3)")
  int variants = 3;

  @Option(names = "--url", paramLabel = "URL",
      description = "StepCache server for http and load mode (default http://localhost:9080)")
  String url = "http://localhost:9080";

  @Option(names = "--http-timeout", paramLabel = "S",
      description = "per-request timeout over HTTP in seconds (default 120)")
  int httpTimeout = 120;

  @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:STEPCACHE_API_KEY}",
      description = "http and load mode: an administrator key of the server (default: environment STEPCACHE_API_KEY);"
          + " the run issues a client key for each tenant it uses. Without one, calls carry no key (dev mode)")
  String apiKey;

  @Option(names = "--tenant", paramLabel = "NAME",
      description = "tenant (default: bench in process, stepbench-<time>-<seed> over HTTP)")
  String tenant;

  @Option(names = "--warmup", paramLabel = "N",
      description = "warm-up requests per system before measuring (default 60)")
  int warmup = 60;

  @Option(names = "--no-png", description = "write SVG plots only")
  boolean noPng;

  @Option(names = "--quiet", description = "no progress lines on stderr")
  boolean quiet;

  @Option(names = "--print-server-config", description = "print the liberty settings for --profile and exit")
  boolean printServerConfig;

  @Option(names = "--concurrency", split = "\\s*,\\s*", splitSynopsisLabel = ",", paramLabel = "1,2,4,...",
      description = {"load mode: concurrent clients, one closed-loop measurement each",
          "(default 1,2,4,8,16,32,64)"})
  List<String> concurrency;

  @Option(names = "--duration", paramLabel = "S",
      description = "load mode: measured seconds per endpoint and concurrency (default 5)")
  String duration = "5";

  @Option(names = "--load-warmup", paramLabel = "S",
      description = "load mode: unmeasured seconds before each measurement (default 1)")
  String loadWarmup = "1";

  @Option(names = "--load-client", paramLabel = "socket|jdk", description = {
      "load mode: socket (default): keep-alive HTTP/1.1 on plain sockets, one per client;",
      "jdk: java.net.http.HttpClient (HTTP/1.1)"})
  String loadClient = "socket";

  @Option(names = "--load-results", paramLabel = "FILE", description = {
      "in-process/http mode: take the load targets from this load.json",
      "(default: load.json in --out when it exists)"})
  Path loadResults;

  @Option(names = "--llm-url", paramLabel = "URL", description = {
      "call a real OpenAI-compatible server (e.g. http://127.0.0.1:8091/v1, the build's llama-server)",
      "instead of the simulated model; implies --clock real"})
  String llmUrl;

  @Option(names = "--max-tokens", paramLabel = "N",
      description = "output token limit of every model call (default 512)")
  int maxTokens = EngineConfig.defaults().defaultMaxTokens();

  @Option(names = "--confirm", paramLabel = "eager|on-demand", description = {
      "when StepCache confirms provisional steps (default eager: a background job right after the entry",
      "is stored; on-demand: the next request that needs the step asks for it again)"})
  String confirm;

  @Option(names = {"--help", "-h"}, usageHelp = true, description = "this text")
  boolean help;

  /**
   * The flags in {@code args} (an option named twice: the last one counts).
   *
   * @throws Options.HelpRequested for {@code --help}
   * @throws IllegalArgumentException for an unknown option, a missing value or one of the wrong type;
   *     the message names it and ends with the usage
   */
  static StepBenchArgs parse(String[] args) {
    StepBenchArgs a = new StepBenchArgs();
    CommandLine cl = commandLine(a);
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage() + "\n\n" + cl.getUsageMessage(), e);
    }
    if (cl.isUsageHelpRequested()) {
      throw new Options.HelpRequested();
    }
    return a;
  }

  /** The help text ({@code --help}). */
  static String usage() {
    return commandLine(new StepBenchArgs()).getUsageMessage();
  }

  private static CommandLine commandLine(StepBenchArgs a) {
    return new CommandLine(a).setOverwrittenOptionsAllowed(true);
  }
}
