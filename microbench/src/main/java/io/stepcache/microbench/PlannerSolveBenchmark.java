package io.stepcache.microbench;

import io.stepcache.checkpoint.CheckpointPlanner;
import io.stepcache.checkpoint.DepthDistribution;
import io.stepcache.checkpoint.Plan;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The checkpoint planner's solve time ({@link CheckpointPlanner#solve}: the DP with backpointers
 * plus the full-length read-out) on {@link PlannerInstances}' instances, for every shape and budget
 * M. Average time per solve in ms. Defaults (one fork, 3 x 1 s warm-up, 5 x 1 s measured) keep a full
 * run near a minute; {@code -f -wi -i -w -r} on the command line run longer (README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlannerSolveBenchmark {

  /** N/binSize, as in {@link PlannerInstances#SHAPES}. */
  @Param({"2048/1", "8192/1", "131072/64", "131072/1"})
  public String shape;

  /** Checkpoint budget M. */
  @Param({"8", "64"})
  public int budget;

  private DepthDistribution distribution;

  /** Builds the instance (not timed). */
  @Setup(Level.Trial)
  public void setUp() {
    distribution = PlannerInstances.skewed(shape);
  }

  /** One solve, returned so that JMH consumes it. */
  @Benchmark
  public Plan solve() {
    return CheckpointPlanner.solve(distribution, budget).plan();
  }

  /** The instance being solved (for checks). */
  public DepthDistribution distribution() {
    return distribution;
  }
}
