package io.stepcache.bench.stream;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 13's streaming benchmark against a real llama-server that is already running (it starts
 * nothing): for each repetition, one prompt of the {@link LinesPack} task is sent (1) directly to
 * the server, the same body StepCache sends, and (2) through StepCache's engine in process ({@code
 * StepCacheEngine.stream}, MISS) in the pass variant and (3) in the fail variant, whose rules fail
 * the element {@code --fail-at}, so StepCache cancels the generation there. Measures the time to
 * the first verified step against the direct call's time to its first complete element (paired),
 * and, with the server's own counters ({@code /metrics}, {@code /slots}), how many tokens it
 * generated after the failing step and how soon it stopped. Prints a table and writes {@code
 * stream.json}, {@code stream.csv} and plots to {@code --out}.
 *
 * <p>The server must run with {@code --metrics --no-cache-prompt} and serve nobody else meanwhile:
 * {@code LLM_PORT=8093 LLM_THREADS=1 LLM_EXTRA_ARGS="--metrics --no-cache-prompt"
 * tools/llm-server/llm-server.sh start}. Run: {@code mvn -q -pl bench exec:java
 * -Dbench.mainClass=io.stepcache.bench.stream.StreamBench -Dexec.args="--llm-url http://127.0.0.1:8093/v1"}.
 */
public final class StreamBench {

  /** The command line (picocli). */
  @Command(name = "StreamBench", sortOptions = false, usageHelpAutoWidth = true,
      description = {"StreamBench: time to the first verified step of a streamed MISS through StepCache against the same",
          "call made directly to llama-server, and how soon the server stops after StepCache cancels at a failing step."})
  static final class Args {

    @Option(names = "--llm-url", required = true, paramLabel = "URL",
        description = "the running llama-server's OpenAI-compatible base, e.g. http://127.0.0.1:8093/v1")
    String llmUrl;

    @Option(names = "--repetitions", paramLabel = "R", defaultValue = "20",
        description = "measured repetitions (default ${DEFAULT-VALUE}), each a new prompt")
    int repetitions;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "3",
        description = "unmeasured repetitions first (default ${DEFAULT-VALUE}): JIT, Drools, connections")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "prompt seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lines", paramLabel = "N", defaultValue = "8",
        description = "elements of the answer (default ${DEFAULT-VALUE})")
    int lines;

    @Option(names = "--max-chars", paramLabel = "C", defaultValue = "16",
        description = "most characters of an element after its 'L<i> ' prefix (default ${DEFAULT-VALUE})")
    int maxChars;

    @Option(names = "--fail-at", paramLabel = "K", defaultValue = "2",
        description = "0-based element the fail variant's rules fail (1..N-2, default ${DEFAULT-VALUE})")
    int failAt;

    @Option(names = "--max-tokens", paramLabel = "T", defaultValue = "320",
        description = "max_tokens of every call (default ${DEFAULT-VALUE}); the array must close before it")
    int maxTokens;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results/stream",
        description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-png", description = "SVG plots only")
    boolean noPng;

    @Option(names = "--quiet", description = "no progress lines")
    boolean quiet;

    @Option(names = "--help", usageHelp = true, description = "this help")
    boolean help;
  }

  private StreamBench() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Parses {@code args} and runs; the exit code (0 ok or help, 2 bad usage). */
  static int run(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
    Args a = new Args();
    try {
      new CommandLine(a).parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println(e.getMessage());
      e.getCommandLine().usage(err);
      return 2;
    }
    if (a.help) {
      new CommandLine(new Args()).usage(out);
      return 0;
    }
    if (a.repetitions < 1 || a.warmup < 0) {
      err.println("--repetitions must be at least 1 and --warmup at least 0");
      return 2;
    }
    try {
      new LinesTask(a.lines, a.maxChars, -1);
      if (a.failAt < 1 || a.failAt > a.lines - 2) {
        throw new IllegalArgumentException("--fail-at must be in 1..lines-2 = 1.." + (a.lines - 2)
            + " (the first step must pass; the failing one must be followed by another)");
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    String loadBefore = loadAverage();
    StreamSummary summary = measure(a, a.quiet ? null : err);
    StreamReport.print(summary, out);
    Map<String, Object> info = runInfo(a, args);
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) info.get("machine");
    machine.put("loadAverageBefore", loadBefore);
    machine.put("loadAverageAfter", loadAverage());
    out.println("load average before / after: " + loadBefore + " / " + machine.get("loadAverageAfter"));
    List<String> warnings = StreamReport.write(a.out, info, summary, !a.noPng);
    warnings.forEach(w -> err.println("[stream] " + w));
    out.println("Wrote stream.json, stream.csv, ttfv-cdf and cancel-tokens plots to " + a.out);
    return 0;
  }

  static StreamSummary measure(Args a, PrintStream progress) throws IOException, InterruptedException {
    LinesTask task = new LinesTask(a.lines, a.maxChars, -1);
    Prompts prompts = new Prompts(a.seed);
    List<Runs.Repetition> reps = new ArrayList<>();
    try (StreamRunner runner = new StreamRunner(a.llmUrl, task, a.failAt, a.maxTokens)) {
      for (int i = 0; i < a.warmup; i++) {
        runner.run(i, prompts.next("warm-up " + (i + 1)), "warmup-" + i);
      }
      for (int i = 0; i < a.repetitions; i++) {
        Runs.Repetition r = runner.run(i, prompts.next(Integer.toString(i + 1)), "rep-" + i);
        reps.add(r);
        if (progress != null) {
          progress.printf(Locale.ROOT, "[stream] %d/%d: TTFV direct %.1f ms, StepCache %.1f / %.1f ms; cancel: %d tokens"
                  + " after the failing step, idle within %.1f ms%n", i + 1, a.repetitions, r.direct().call().ttfvMs(),
              r.pass().ttfvMs(), r.fail().ttfvMs(), r.fail().cancel().tokensAfter(), r.fail().cancel().stopUpperMs());
        }
      }
    }
    return new StreamSummary(reps);
  }

  /** {@code /proc/loadavg}'s first three figures, or "?" where there is none: the cores are shared. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static Map<String, Object> runInfo(Args a, String[] args) throws IOException, InterruptedException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", "mvn -q -pl bench exec:java -Dbench.mainClass=" + StreamBench.class.getName()
        + " -Dexec.args=\"" + String.join(" ", args) + "\"");
    m.put("date", OffsetDateTime.now(ZoneOffset.UTC).toString());
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.version"));
    m.put("machine", machine);
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("url", a.llmUrl);
    server.put("model", new LlamaServer(a.llmUrl).model());
    m.put("server", server);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("repetitions", a.repetitions);
    settings.put("warmup", a.warmup);
    settings.put("seed", a.seed);
    settings.put("lines", a.lines);
    settings.put("maxChars", a.maxChars);
    settings.put("failAt", a.failAt);
    settings.put("maxTokens", a.maxTokens);
    settings.put("temperature", 0.0);
    settings.put("schema", new LinesTask(a.lines, a.maxChars, -1).schemaJson());
    m.put("settings", settings);
    return m;
  }
}
