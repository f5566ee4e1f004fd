package io.stepcache.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two HTTP targets from load-mode figures: thresholds and what counts as measured. */
class LoadTargetsTest {

  private static LoadFigures.Step step(int c, double reuseRps, double echoRps, double reuseP50) {
    return new LoadFigures.Step(c, reuseRps, echoRps, reuseP50, reuseP50 * 3, 0.3, 0, 0);
  }

  private static Targets.Target byId(List<Targets.Target> ts, String id) {
    return ts.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void withoutLoadResultsBothAreNotMeasured() {
    List<Targets.Target> ts = Targets.http(null, null, "in process the REUSE median is 0.2 ms");
    assertThat(byId(ts, "reuse-median-http").status()).isEqualTo(Targets.Status.NOT_MEASURED);
    assertThat(byId(ts, "reuse-median-http").measured()).contains("in process the REUSE median is 0.2 ms");
    assertThat(byId(ts, "reuse-throughput").status()).isEqualTo(Targets.Status.NOT_MEASURED);
    assertThat(byId(ts, "reuse-throughput").measured()).contains("--mode load");
  }

  @Test
  void throughputIsMetOnlyWhenEveryConcurrencyReachesHalfTheEcho() {
    LoadFigures ok = new LoadFigures("t", List.of(step(1, 500, 1000, 1.9), step(8, 3000, 5000, 4)));
    List<Targets.Target> ts = Targets.http(null, ok, null);
    assertThat(byId(ts, "reuse-throughput").status()).isEqualTo(Targets.Status.MET);
    assertThat(byId(ts, "reuse-throughput").measured()).contains("1: 0.50", "8: 0.60", "lowest 0.50 at 1");
    // the median is taken at the lowest concurrency (1.9 ms), not at 8 (4 ms)
    assertThat(byId(ts, "reuse-median-http").status()).isEqualTo(Targets.Status.MET);

    LoadFigures oneLow = new LoadFigures("t", List.of(step(1, 500, 1000, 2.0), step(64, 2400, 5000, 40)));
    ts = Targets.http(null, oneLow, null);
    assertThat(byId(ts, "reuse-throughput").status()).isEqualTo(Targets.Status.MISSED);
    assertThat(byId(ts, "reuse-throughput").measured()).contains("lowest 0.48 at 64");
    // 2 ms is not under 2 ms
    assertThat(byId(ts, "reuse-median-http").status()).isEqualTo(Targets.Status.MISSED);

    LoadFigures noEcho = new LoadFigures("t", List.of(step(1, 500, 0, 1)));
    assertThat(byId(Targets.http(null, noEcho, null), "reuse-throughput").status()).isEqualTo(Targets.Status.MISSED);
  }
}
