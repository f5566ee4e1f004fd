package io.stepcache.bench.stream;

import io.stepcache.backend.openai.OpenAiSettings;
import io.stepcache.bootstrap.BackendChoice;
import io.stepcache.bootstrap.PackSource;
import io.stepcache.bootstrap.RunningStepCache;
import io.stepcache.bootstrap.StepCacheSetup;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.EngineConfig;
import io.stepcache.engine.RequestPath;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one repetition of the streaming benchmark against a llama-server that is already running:
 * the direct call, then StepCache's engine in process (started by the bootstrap's {@link
 * StepCacheSetup} with the OpenAI backend on the same server and the {@link LinesPack}) on the same
 * prompt in the pass and the fail variant; the order alternates by repetition. The server's
 * counters are read before and after every call; the server must be idle before each (nobody else
 * may use it during the run). Fails loudly when a call is not what the benchmark needs (a path
 * other than MISS, a prompt served from the server's cache, an answer cut by the token limit, a
 * pass variant that was cancelled, a fail variant that was not).
 */
final class StreamRunner implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

  private final LinesTask pass;
  private final LinesTask fail;
  private final int maxTokens;
  private final LlamaServer server;
  private final DirectCall direct;
  private final StopWatch watch;
  private final TracingBackend backend;
  private final RunningStepCache stepCache;

  /**
   * @param llmUrl the OpenAI-compatible base of the running llama-server ({@code http://127.0.0.1:8093/v1})
   * @param task the pass variant's task
   * @param failAt the fail variant's failing element (1..lines-2: the first step must pass, the failing one be
   *     followed by another)
   * @param maxTokens output limit of every call
   */
  StreamRunner(String llmUrl, LinesTask task, int failAt, int maxTokens) {
    if (failAt < 1 || failAt > task.lines() - 2) {
      throw new IllegalArgumentException("failAt must be in 1.." + (task.lines() - 2) + " for " + task.lines()
          + " lines (the first step must pass; the failing one must be followed by another), got " + failAt);
    }
    this.pass = task.failingAt(-1);
    this.fail = task.failingAt(failAt);
    this.maxTokens = maxTokens;
    this.server = new LlamaServer(llmUrl);
    this.direct = new DirectCall(llmUrl, CALL_TIMEOUT);
    this.watch = new StopWatch(server);
    AtomicReference<TracingBackend> traced = new AtomicReference<>();
    this.stepCache = StepCacheSetup.builder()
        .packs(PackSource.instance(new LinesPack()))
        .backend(BackendChoice.openAi(OpenAiSettings.of(llmUrl).withTimeouts(Duration.ofSeconds(2), CALL_TIMEOUT)))
        .decorateBackend(b -> {
          TracingBackend t = new TracingBackend(b, watch::watch);
          traced.set(t);
          return t;
        })
        .config(new EngineConfig(0.5, 32_768, 64, maxTokens, Math.max(4096, maxTokens)))
        .build()
        .start();
    this.backend = traced.get();
  }

  /** One repetition on {@code prompt}; tenants are new per call, so every engine call is a MISS. */
  Runs.Repetition run(int index, String prompt, String label) throws IOException, InterruptedException {
    boolean directFirst = index % 2 == 0;
    Runs.Direct d;
    Runs.Engine p;
    Runs.Engine f;
    if (directFirst) {
      d = direct(prompt);
      p = engine(pass, prompt, label + "-pass");
      f = engine(fail, prompt, label + "-fail");
    } else {
      f = engine(fail, prompt, label + "-fail");
      p = engine(pass, prompt, label + "-pass");
      d = direct(prompt);
    }
    return new Runs.Repetition(index, prompt, directFirst, d, p, f);
  }

  private Runs.Direct direct(String prompt) throws IOException, InterruptedException {
    String body = ChatBody.of(LinesPack.prompt(pass.taskRequest(prompt)), maxTokens, 0.0, pass.schemaJson());
    ServerCounters before = idleCounters();
    DirectCall.Result r = direct.run(body);
    ServerCounters used = idleCounters().minus(before);
    notFromCache(used, "the direct call");
    if ("length".equals(r.finishReason())) {
      throw new IllegalStateException("The direct call reached max_tokens " + maxTokens + " before the array closed: "
          + "raise --max-tokens (or lower --lines / --max-chars)");
    }
    if (Double.isNaN(r.ttfvMs())) {
      throw new IllegalStateException("The direct call's stream never completed an element: " + r.text());
    }
    return new Runs.Direct(r, used);
  }

  private Runs.Engine engine(LinesTask task, String prompt, String tenant) throws IOException, InterruptedException {
    ServerCounters before = idleCounters();
    FirstStepSink sink = new FirstStepSink(backend);
    long t0 = System.nanoTime();
    CompletionResult result = stepCache.engine().stream(task.request(prompt, tenant), sink);
    long end = System.nanoTime();
    StreamTrace trace = backend.last();
    if (trace == null || trace.firstPieceNanos() < 0) {
      throw new IllegalStateException("StepCache's call for " + tenant + " did not stream from the backend");
    }
    Runs.Cancel cancel = trace.wasCancelled() ? cancel(trace, t0) : null;
    ServerCounters used = idleCounters().minus(before);
    notFromCache(used, "StepCache's call");
    String variant = task.failAt() < 0 ? "pass" : "fail";
    if (result.path() != RequestPath.MISS || sink.path() != RequestPath.MISS) {
      throw new IllegalStateException("StepCache's call for a new tenant was " + result.path() + ", not MISS");
    }
    if (task.failAt() < 0 && cancel != null) {
      throw new IllegalStateException("The pass variant was cancelled after " + sink.steps() + " steps: "
          + result.findings() + "; text: " + trace.text());
    }
    if (task.failAt() >= 0 && (cancel == null || sink.steps() != task.failAt())) {
      throw new IllegalStateException("The fail variant streamed " + sink.steps() + " steps and was "
          + (cancel == null ? "not cancelled" : "cancelled") + "; expected " + task.failAt() + " steps, then the cancel: "
          + result.findings() + "; text: " + trace.text());
    }
    Runs.Cancel counted = cancel == null ? null : cancel.withTokensAfter(used.tokensPredicted() - cancel.piecesAtCancel());
    double lag = sink.firstStepNanos() < 0 ? Double.NaN : (sink.firstStepNanos() - sink.completingPieceNanos()) / 1e6;
    return new Runs.Engine(variant, (trace.startNanos - t0) / 1e6, lag, (trace.firstPieceNanos() - t0) / 1e6,
        sink.firstStepNanos() < 0 ? Double.NaN : (sink.firstStepNanos() - t0) / 1e6, (end - t0) / 1e6,
        result.path().name(), sink.steps(), result.verified(), trace.pieces(), trace.text(), used, counted);
  }

  /** The cancel's times, once the watch has seen the server stop (its tokens are counted after, from the counters). */
  private static Runs.Cancel cancel(StreamTrace trace, long t0) throws IOException, InterruptedException {
    StopWatch.Stop stop;
    try {
      stop = trace.stop().get(StopWatch.GIVE_UP_NANOS + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IOException("Watching llama-server stop failed: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("Watching llama-server stop did not finish", e);
    }
    long arrived = trace.cancelArrivedNanos();
    return new Runs.Cancel(trace.piecesAtCancel(), (arrived - t0) / 1e6, (trace.cancelDecidedNanos() - arrived) / 1e6,
        (stop.idleSeenNanos() - arrived) / 1e6,
        stop.lastBusySentNanos() < 0 ? 0 : Math.max(0, (stop.lastBusySentNanos() - arrived) / 1e6), stop.polls(), -1);
  }

  /** The counters once no slot is busy; fails when the server stays busy (someone else is using it). */
  private ServerCounters idleCounters() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.busy()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("llama-server at " + server.root() + " has been busy for 5 s between the "
            + "benchmark's calls: another client is using it, which would distort its counters");
      }
      Thread.sleep(2);
    }
    return server.counters();
  }

  private static void notFromCache(ServerCounters used, String what) {
    if (used.promptTokensCached() > 0) {
      throw new IllegalStateException(what + " reused " + used.promptTokensCached() + " prompt tokens from llama-server's"
          + " cache, which makes repeated calls of the same prompt faster: start it with --no-cache-prompt"
          + " (llm-server.sh: LLM_EXTRA_ARGS=\"--metrics --no-cache-prompt\")");
    }
  }

  @Override
  public void close() {
    try {
      stepCache.close();
    } finally {
      watch.close();
    }
  }
}
