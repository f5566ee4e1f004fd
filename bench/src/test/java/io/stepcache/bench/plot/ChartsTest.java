package io.stepcache.bench.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;

/** The charts on XChart: titles and series as before, written as SVG and PNG. */
class ChartsTest {

  @TempDir
  Path dir;

  @Test
  void seriesAndTitles() throws Exception {
    Map<String, double[]> lat = new LinkedHashMap<>();
    lat.put("no-cache", new double[] {2100, 2200, 2300});
    lat.put("stepcache", new double[] {0.8, 3, 1200});
    Chart<?, ?> cdf = Charts.latencyCdf("Latency CDF per system (all seeds)", lat);
    assertThat(cdf.getTitle()).isEqualTo("Latency CDF per system (all seeds)");
    assertThat(names(cdf)).containsExactly("no-cache", "stepcache");

    Map<String, Map<String, Integer>> mix = new LinkedHashMap<>();
    mix.put("stepcache: all", Map.of("PATCH", 3, "REUSE", 5));
    mix.put("no-cache", Map.of("MISS", 8));
    assertThat(names(Charts.pathMix("Path mix", mix))).containsExactly("REUSE", "PATCH", "MISS");

    LinkedHashMap<String, Double> seg = new LinkedHashMap<>();
    seg.put("prompt tokens", 10.0);
    seg.put("completion tokens", 5.0);
    Chart<?, ?> bars = Charts.stackedBars("Tokens", "tokens", Map.of("no-cache", seg),
        Map.of("prompt tokens", "#1f77b4", "completion tokens", "#aec7e8"), s -> "15");
    assertThat(names(bars)).containsExactlyInAnyOrder("prompt tokens", "completion tokens");

    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("REUSE", new double[] {100, Double.NaN});
    series.put("echo", new double[] {200, 300});
    Chart<?, ?> lines = Charts.lines("Throughput", "concurrent clients", "requests per second", List.of("1", "2"),
        series, Map.of("REUSE", "#2ca02c"), Set.of("echo"));
    assertThat(names(lines)).containsExactly("REUSE", "echo");

    PlotWriter w = new PlotWriter(dir, true);
    assertThat(w.write("latency-cdf", cdf)).containsExactly(dir.resolve("latency-cdf.svg"), dir.resolve("latency-cdf.png"));
    assertThat(w.warnings()).isEmpty();
    assertThat(Files.readString(dir.resolve("latency-cdf.svg"))).startsWith("<?xml").contains("<svg", "</svg>");
    assertThat(Files.size(dir.resolve("latency-cdf.png"))).isPositive();
  }

  private static List<String> names(Chart<?, ?> chart) {
    return chart.getSeriesCollection().stream().map(s -> s.getName()).toList();
  }
}
