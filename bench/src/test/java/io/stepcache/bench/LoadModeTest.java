package io.stepcache.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.bench.json.Json;
import io.stepcache.bench.load.LoadResult;
import io.stepcache.bench.load.StandInServers;
import io.stepcache.bench.report.LoadFigures;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --mode load}: options, and the files a run writes (against a stand-in server, not StepCache). */
class LoadModeTest {

  @TempDir
  Path out;

  @Test
  void loadModeDefaults() {
    Options o = Options.parse(new String[] {"--mode", "load"});
    assertThat(o.loadMode()).isTrue();
    assertThat(o.concurrency()).containsExactly(1, 2, 4, 8, 16, 32, 64);
    assertThat(o.durationSeconds()).isEqualTo(5.0);
    assertThat(o.loadWarmupSeconds()).isEqualTo(1.0);
    assertThat(o.loadClient()).isEqualTo("socket");
    assertThat(o.url()).isEqualTo("http://localhost:9080");
    assertThat(o.loadResults()).isNull();
    assertThat(Options.parse(new String[] {"--mode", "http"}).loadMode()).isFalse();
  }

  @Test
  void loadModeOptions() {
    Options o = Options.parse(new String[] {"--mode=LOAD", "--concurrency", "1, 3,64", "--duration", "2.5",
        "--load-warmup=0", "--load-client", "jdk", "--url", "http://127.0.0.1:9090", "--load-results", "x/load.json"});
    assertThat(o.mode()).isEqualTo("load");
    assertThat(o.concurrency()).containsExactly(1, 3, 64);
    assertThat(o.durationSeconds()).isEqualTo(2.5);
    assertThat(o.loadWarmupSeconds()).isZero();
    assertThat(o.loadClient()).isEqualTo("jdk");
    assertThat(o.url()).isEqualTo("http://127.0.0.1:9090");
    assertThat(o.loadResults()).isEqualTo(Path.of("x/load.json"));
  }

  @Test
  void badLoadOptionsAreRejected() {
    for (String[] bad : List.of(
        new String[] {"--mode", "load", "--concurrency", "0"},
        new String[] {"--mode", "load", "--concurrency", "1,x"},
        new String[] {"--mode", "load", "--concurrency", "2,2"},
        new String[] {"--mode", "load", "--concurrency", "5000"},
        new String[] {"--mode", "load", "--duration", "0"},
        new String[] {"--mode", "load", "--duration", "-1"},
        new String[] {"--mode", "load", "--duration", "NaN"},
        new String[] {"--mode", "load", "--load-warmup", "-0.5"},
        new String[] {"--mode", "load", "--load-client", "netty"},
        new String[] {"--mode", "loud"})) {
      assertThatThrownBy(() -> Options.parse(bad)).as(String.join(" ", bad)).isInstanceOf(IllegalArgumentException.class);
      assertThat(StepBench.run(bad)).as(String.join(" ", bad)).isEqualTo(2);
    }
  }

  @Test
  void aServerThatIsNotThereIsExitCodeOne() throws Exception {
    assertThat(StepBench.run(new String[] {"--mode", "load", "--url", "http://127.0.0.1:" + StandInServers.freePort(),
        "--concurrency", "1", "--duration", "0.1", "--quiet", "--out", out.toString()})).isEqualTo(1);
    assertThat(out.resolve("load.json")).doesNotExist();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLoadRunWritesLoadJsonCsvAndPlots() throws Exception {
    try (AutoCloseable server = StandInServers.start(2)) {
      int code = StepBench.run(new String[] {"--mode", "load", "--url", StandInServers.url(server), "--concurrency", "1,2",
          "--duration", "0.4", "--load-warmup", "0.1", "--quiet", "--no-png", "--out", out.toString()});
      assertThat(code).isZero();
    }
    Map<String, Object> doc = (Map<String, Object>) Json.parse(Files.readString(out.resolve("load.json")));
    assertThat(doc).containsKeys("benchmark", "startedAt", "finishedAt", "url", "tenant", "client", "concurrency",
        "durationSeconds", "warmupSeconds", "reuseRequest", "echoRequest", "seeding", "machine", "steps", "targets",
        "command");
    assertThat(doc.get("benchmark")).isEqualTo("StepBench load");
    assertThat((String) doc.get("command")).contains("--mode load", "--concurrency 1,2", "--duration 0.4");
    Map<String, Object> seeding = (Map<String, Object>) doc.get("seeding");
    assertThat(seeding).containsEntry("seedPath", "MISS").containsEntry("reusePath", "REUSE");
    List<Object> steps = (List<Object>) doc.get("steps");
    assertThat(steps).hasSize(2);
    int expectedConcurrency = 1;
    for (Object o : steps) {
      Map<String, Object> step = (Map<String, Object>) o;
      assertThat(((BigDecimal) step.get("concurrency")).intValue()).isEqualTo(expectedConcurrency);
      expectedConcurrency *= 2;
      double reuseRps = 0;
      double echoRps = 0;
      for (String endpoint : List.of("reuse", "echo")) {
        Map<String, Object> e = (Map<String, Object>) step.get(endpoint);
        assertThat(e).containsKeys("path", "requests", "errors", "seconds", "throughputRps", "p50Ms", "p99Ms", "meanMs",
            "maxMs", "meanResponseBytes", "errorKinds", "firstError", "cpuCores");
        assertThat(((BigDecimal) e.get("requests")).longValue()).isPositive();
        assertThat(((BigDecimal) e.get("errors")).longValue()).isZero();
        assertThat(((BigDecimal) e.get("p99Ms")).doubleValue()).isGreaterThanOrEqualTo(((BigDecimal) e.get("p50Ms")).doubleValue());
        assertThat((Map<String, Object>) e.get("cpuCores")).containsKeys("client", "server", "machine");
        double rps = ((BigDecimal) e.get("throughputRps")).doubleValue();
        assertThat(rps).isCloseTo(((BigDecimal) e.get("requests")).doubleValue() / 0.4, org.assertj.core.data.Offset.offset(0.1));
        if (endpoint.equals("reuse")) {
          reuseRps = rps;
          assertThat(e.get("path")).isEqualTo("/api/v1/completions");
        } else {
          echoRps = rps;
          assertThat(e.get("path")).isEqualTo("/api/v1/bench/echo");
        }
      }
      assertThat(((BigDecimal) step.get("ratio")).doubleValue()).isCloseTo(reuseRps / echoRps, org.assertj.core.data.Offset.offset(0.001));
    }
    List<Object> targets = (List<Object>) doc.get("targets");
    assertThat(targets).extracting(t -> ((Map<String, Object>) t).get("id")).containsExactly("reuse-median-http", "reuse-throughput");
    for (Object t : targets) {
      assertThat(((Map<String, Object>) t).get("status")).isIn("MET", "MISSED");
    }
    // the stand-in REUSE answers after 2 ms: the median cannot be under 2 ms
    assertThat(((Map<String, Object>) targets.get(0)).get("status")).isEqualTo("MISSED");

    List<String> csv = Files.readAllLines(out.resolve("load.csv"));
    assertThat(csv).hasSize(1 + 4);
    assertThat(csv.get(0)).startsWith("concurrency,endpoint,path,seconds,requests,errors,throughputRps,p50Ms,p99Ms");
    assertThat(csv.get(1)).startsWith("1,reuse,/api/v1/completions,");
    assertThat(csv.get(2)).startsWith("1,echo,/api/v1/bench/echo,");
    for (String plot : List.of("load-throughput.svg", "load-latency.svg")) {
      // XChart draws text as outlines: the series names are checked on the charts (ChartsTest)
      assertThat(Files.readString(out.resolve(plot))).startsWith("<?xml").contains("<svg", "</svg>");
    }

    // read back for the other modes' targets
    LoadFigures f = LoadResult.readFigures(out.resolve("load.json"));
    assertThat(f.steps()).extracting(LoadFigures.Step::concurrency).containsExactly(1, 2);
    assertThat(f.steps().get(0).reuseRps())
        .isEqualTo(((BigDecimal) ((Map<String, Object>) ((Map<String, Object>) steps.get(0)).get("reuse")).get("throughputRps")).doubleValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWorkloadRunTakesTheLoadTargetsFromLoadJsonInItsOutputDirectory() throws Exception {
    Files.writeString(out.resolve("load.json"), """
        {"finishedAt": "2026-01-01T00:00:00Z", "steps": [
          {"concurrency": 1, "reuse": {"throughputRps": 600, "p50Ms": 1.5, "p99Ms": 3, "errors": 0},
                             "echo": {"throughputRps": 1000, "p50Ms": 0.9, "errors": 0}},
          {"concurrency": 8, "reuse": {"throughputRps": 900, "p50Ms": 8, "p99Ms": 20, "errors": 0},
                             "echo": {"throughputRps": 2000, "p50Ms": 4, "errors": 0}}]}
        """);
    int code = StepBench.run(new String[] {"--mode", "in-process", "--seeds", "42", "--systems", "no-cache,stepcache",
        "--limit", "4", "--warmup", "0", "--quiet", "--no-png", "--out", out.toString()});
    assertThat(code).isZero();
    Map<String, Object> summary = (Map<String, Object>) Json.parse(Files.readString(out.resolve("summary.json")));
    assertThat((String) summary.get("loadResults")).contains("load.json");
    Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
    for (Object t : (List<Object>) summary.get("targets")) {
      byId.put((String) ((Map<String, Object>) t).get("id"), (Map<String, Object>) t);
    }
    // 900 / 2000 = 0.45 at concurrency 8: missed; the median at concurrency 1 is 1.5 ms: met
    assertThat(byId.get("reuse-throughput")).containsEntry("status", "MISSED");
    assertThat((String) byId.get("reuse-throughput").get("measured")).contains("lowest 0.45 at 8");
    assertThat(byId.get("reuse-median-http")).containsEntry("status", "MET");
    assertThat((String) byId.get("reuse-median-http").get("measured")).contains("1.500 ms in load mode at concurrency 1");
  }
}
