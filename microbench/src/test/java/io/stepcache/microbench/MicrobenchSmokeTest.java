package io.stepcache.microbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.checkpoint.Plan;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Each benchmark's body once, and the JMH harness once for a tenth of a second: behaviour, not speed. */
class MicrobenchSmokeTest {

  @Test
  void thePlannerBenchmarkSolvesItsInstanceOnce() {
    PlannerSolveBenchmark b = new PlannerSolveBenchmark();
    b.shape = "2048/1";
    b.budget = 8;
    b.setUp();
    assertThat(b.distribution().maxDepth()).isEqualTo(2048);
    assertThat(b.distribution().candidateCount()).isEqualTo(2048);
    Plan plan = b.solve();
    assertThat(plan.positions()).hasSize(8).isSorted().allSatisfy(p -> assertThat(p).isBetween(1, 2048));
    assertThat(plan.savings()).isBetween(0.9, 1.0);
    assertThat(plan.expectedCost()).isLessThan(plan.baselineCost());
  }

  @Test
  void theInstancesAreTheSameOnEveryRun() {
    assertThat(PlannerInstances.skewed("131072/64").candidateCount()).isEqualTo(2048);
    assertThat(PlannerInstances.skewed(8192, 1).totalWeight()).isEqualTo(PlannerInstances.skewed("8192/1").totalWeight());
    assertThatThrownBy(() -> PlannerInstances.skewed("8192")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReuseBenchmarkServesItsRequestOnReuse() {
    ReusePathBenchmark b = new ReusePathBenchmark();
    b.prompt = "similar";
    b.setUp();
    try {
      CompletionResult r = b.reuse();
      assertThat(r.path()).isEqualTo(RequestPath.REUSE);
      assertThat(r.verified()).isTrue();
      assertThat(r.output()).endsWith("Answer: y = 5");
      assertThat(b.reuse().output()).isEqualTo(r.output());
    } finally {
      b.tearDown();
    }
  }

  @Test
  void theReuseBenchmarkRefusesARequestThatIsNotAReuse() {
    ReusePathBenchmark b = new ReusePathBenchmark();
    b.prompt = "Solve 3(x + 5) = 20."; // another structure: not served from the stored entry
    assertThatThrownBy(b::setUp).isInstanceOf(IllegalStateException.class).hasMessageContaining("not served on REUSE");
  }

  @Test
  void theHarnessRunsTheSmallestPlannerBenchmark() throws RunnerException {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(PlannerSolveBenchmark.class.getName() + ".solve")
        .param("shape", "2048/1")
        .param("budget", "8")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT)
        .build()).run();
    assertThat(results).hasSize(1);
    RunResult r = results.iterator().next();
    assertThat(r.getParams().getParam("shape")).isEqualTo("2048/1");
    assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("ms/op");
    assertThat(r.getPrimaryResult().getScore()).isPositive();
  }
}
