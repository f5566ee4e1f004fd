package io.stepcache.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.bench.json.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CI-sized run of the whole runner: every system, a few requests, virtual clock. */
class StepBenchTest {

  @TempDir
  Path out;

  @Test
  @SuppressWarnings("unchecked")
  void aSmallRunWritesTheSection8JsonTheCsvAndThePlots() throws Exception {
    // 29 requests = the first math group (13) and the first JSON group (16) of seed 42
    int code = StepBench.run(new String[] {
        "--mode", "in-process", "--seeds", "42,43", "--limit", "29", "--warmup", "3", "--quiet", "--out", out.toString()});
    assertThat(code).isZero();

    List<Object> rows = (List<Object>) Json.parse(Files.readString(out.resolve("results.json")));
    assertThat(rows).hasSize(5 * 2);
    for (Object o : rows) {
      Map<String, Object> row = (Map<String, Object>) o;
      assertThat(row).containsKeys("system", "seed", "requests", "meanMs", "p50Ms", "p95Ms", "totalTokens", "correct", "paths");
      assertThat(row.get("system")).isIn("no-cache", "exact-cache", "semantic-0.80", "semantic-0.95", "stepcache");
      assertThat(((BigDecimal) row.get("seed")).longValue()).isIn(42L, 43L);
      assertThat(((BigDecimal) row.get("requests")).intValue()).isEqualTo(29);
      double correct = ((BigDecimal) row.get("correct")).doubleValue();
      assertThat(correct).isBetween(0.0, 1.0);
      assertThat(((BigDecimal) row.get("meanMs")).doubleValue()).isPositive();
      assertThat(((BigDecimal) row.get("p95Ms")).doubleValue())
          .isGreaterThanOrEqualTo(((BigDecimal) row.get("p50Ms")).doubleValue());
      Map<String, Object> paths = (Map<String, Object>) row.get("paths");
      assertThat(paths.values().stream().mapToInt(v -> ((BigDecimal) v).intValue()).sum()).isEqualTo(29);
      if (row.get("system").equals("stepcache")) {
        assertThat(paths.keySet()).isSubsetOf("REUSE", "PATCH", "SKIP", "MISS", "ERROR").contains("REUSE");
      } else {
        assertThat(paths.keySet()).isSubsetOf("HIT", "MISS");
      }
    }
    Map<String, Object> summary = (Map<String, Object>) Json.parse(Files.readString(out.resolve("summary.json")));
    assertThat(summary).containsKeys("profile", "workload", "means", "targets", "command");
    assertThat((List<Object>) summary.get("targets")).isNotEmpty();
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 10);
    assertThat(Files.readAllLines(out.resolve("requests.csv")).size()).isGreaterThan(5 * 2 * 29);
    for (String plot : List.of("latency-cdf.svg", "paths.svg", "tokens.svg", "correctness.svg")) {
      assertThat(Files.readString(out.resolve(plot))).startsWith("<?xml").contains("<svg", "</svg>");
    }
  }

  @Test
  void badOptionsAreRejectedWithAUsefulMessage() {
    assertThat(StepBench.run(new String[] {"--mode", "sideways"})).isEqualTo(2);
    assertThat(StepBench.run(new String[] {"--systems", "gptcache"})).isEqualTo(2);
    assertThat(StepBench.run(new String[] {"--seeds"})).isEqualTo(2);
    assertThat(StepBench.run(new String[] {"--help"})).isZero();
  }

  @Test
  void theServerConfigForTheProfileCanBePrinted() {
    assertThat(StepBench.run(new String[] {"--print-server-config", "--profile", "paper"})).isZero();
    assertThat(StepBench.environment(new java.util.TreeMap<>(Map.of(
        "stepcache.backend.sim.seed", "42", "stepcache.backend.sim.error.wrongArithmetic", "0.067"))))
        .containsExactly("STEPCACHE_BACKEND_SIM_ERROR_WRONGARITHMETIC=0.067", "STEPCACHE_BACKEND_SIM_SEED=42");
  }
}
