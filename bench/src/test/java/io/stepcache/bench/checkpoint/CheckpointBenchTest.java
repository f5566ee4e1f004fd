package io.stepcache.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointBenchTest {

  private static CheckpointBench.Row row(String policy, int budget, long reprefill) {
    return new CheckpointBench.Row(policy, budget, 10, 1000, reprefill, 0, 100, budget);
  }

  @Test
  void targetIsMetOnlyWhenThePlannerMatchesTheBestBaselineWithAtMostSixtyPercentOfItsBudget() {
    List<CheckpointBench.Row> met = List.of(row("none", 0, 1000), row("every-B", 5, 400), row("evenly-spaced", 5, 300),
        row("planned (DP)", 3, 290), row("planned (DP)", 5, 200));
    Map<String, Object> t = CheckpointBench.target(met);
    assertThat(t.get("met")).isEqualTo(true);
    List<CheckpointBench.Row> missed = List.of(row("none", 0, 1000), row("evenly-spaced", 5, 300),
        row("planned (DP)", 3, 310), row("planned (DP)", 5, 300));
    assertThat(CheckpointBench.target(missed).get("met")).isEqualTo(false);
    assertThat(CheckpointBench.target(missed).get("verdict").toString()).startsWith("[MISSED");
  }

  @Test
  void aSmallTrafficRunMeasuresEveryPolicyOnTheSameRequests() {
    List<CheckpointBench.Row> rows = CheckpointBench.traffic(List.of(42L), List.of(2), 8, null);
    assertThat(rows).extracting(CheckpointBench.Row::policy)
        .containsExactly("none", "every-B", "evenly-spaced", "planned (DP)");
    assertThat(rows).extracting(CheckpointBench.Row::patches).containsOnly(rows.get(0).patches());
    assertThat(rows.get(0).patches()).isPositive();
    assertThat(rows.get(0).reprefillTokens()).isEqualTo(rows.get(0).depthTokens());
    assertThat(rows.get(3).reprefillTokens()).isLessThan(rows.get(0).reprefillTokens());
    assertThat(rows.get(3).checkpointsPerEntry()).isPositive().isLessThanOrEqualTo(2.0);
  }
}
