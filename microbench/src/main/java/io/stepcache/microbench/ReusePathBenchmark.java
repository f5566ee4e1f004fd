package io.stepcache.microbench;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The REUSE path in process: the real engine ({@link InProcessEngine}) with one math entry stored
 * ({@value #SEED_PROMPT}, a MISS), timing {@code engine.complete} of a request served from it. The
 * setup fails unless that request really is a REUSE (not a PATCH, SKIP or MISS). Average time per
 * request in µs, one thread.
 *
 * <p>The REUSEs queue audits (a sampled share, default 5 %) on the deferred trust worker, which is
 * not run while measuring: audits are off the request path. Once its queue is full they are counted
 * as skipped, as on a server whose worker lags.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReusePathBenchmark {

  /** The stored entry: the first request, a MISS. Same as bench's load mode. */
  public static final String SEED_PROMPT = "Solve 3x + 5 = 20.";
  /** Another unknown and wording, same equation: a REUSE with the variable rebound (bench's load mode). */
  public static final String SIMILAR_PROMPT = "Find y if 3y + 5 = 20.";

  /**
   * {@code similar}: {@value #SIMILAR_PROMPT}; {@code same}: the stored prompt again. Anything else is
   * taken as the prompt itself.
   */
  @Param({"similar", "same"})
  public String prompt;

  private InProcessEngine engine;
  private CompletionRequest request;

  /** Stores the entry and checks that the measured request is served on REUSE. */
  @Setup(Level.Trial)
  public void setUp() {
    engine = new InProcessEngine("microbench");
    CompletionResult seeded = engine.serveAndSettle(SEED_PROMPT);
    String text = promptText(prompt);
    CompletionResult first = engine.serveAndSettle(text);
    if (first.path() != RequestPath.REUSE) {
      engine.close();
      throw new IllegalStateException("the measured request is not served on REUSE: after '" + SEED_PROMPT
          + "' (" + seeded.path() + "), '" + text + "' came back on " + first.path() + ": " + first.output());
    }
    request = engine.request(text);
  }

  /** One REUSE, returned so that JMH consumes it. */
  @Benchmark
  public CompletionResult reuse() {
    return engine.complete(request);
  }

  /** Closes the engine. */
  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  static String promptText(String name) {
    return switch (name) {
      case "similar" -> SIMILAR_PROMPT;
      case "same" -> SEED_PROMPT;
      default -> name;
    };
  }
}
