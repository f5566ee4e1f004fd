package io.stepcache.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The benchmark's charts, as XChart charts ({@link PlotWriter} writes them as SVG and PNG). */
public final class Charts {

  static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
  };

  /** Colours of the paths. */
  public static final Map<String, String> PATH_COLOURS = Map.of(
      "REUSE", "#2ca02c", "PATCH", "#98df8a", "SKIP", "#ff7f0e", "MISS", "#d62728",
      "HIT", "#1f77b4", "ERROR", "#7f7f7f");

  private static final List<String> PATH_ORDER = List.of("REUSE", "PATCH", "SKIP", "MISS", "HIT", "ERROR");

  private Charts() {}

  /**
   * Empirical CDF of latency per system, log-scaled x axis (cache hits take microseconds, model
   * calls seconds).
   */
  public static Chart<?, ?> latencyCdf(String title, Map<String, double[]> latenciesMs) {
    return latencyCdf(title, latenciesMs, true);
  }

  /**
   * Empirical CDF of latency per system, on a log-scaled x axis or, for latencies within one order
   * of magnitude (a log axis then shows no tick label), a linear one.
   */
  public static Chart<?, ?> latencyCdf(String title, Map<String, double[]> latenciesMs, boolean logScale) {
    XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
        .xAxisTitle("latency per request, ms" + (logScale ? " (log scale)" : "")).yAxisTitle("fraction of requests")
        .build();
    style(chart.getStyler());
    chart.getStyler().setXAxisLogarithmic(logScale);
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    double floor = latenciesMs.values().stream().flatMapToDouble(Arrays::stream).filter(d -> d > 0).min().orElse(0.01);
    int i = 0;
    for (Map.Entry<String, double[]> e : latenciesMs.entrySet()) {
      double[] v = e.getValue().clone();
      if (v.length == 0) {
        continue;
      }
      Arrays.sort(v);
      double[] xs = new double[2 * v.length + 1];
      double[] ys = new double[xs.length];
      xs[0] = Math.max(v[0], floor);
      for (int k = 0; k < v.length; k++) {
        double x = Math.max(v[k], floor);
        xs[2 * k + 1] = x;
        ys[2 * k + 1] = (double) k / v.length;
        xs[2 * k + 2] = x;
        ys[2 * k + 2] = (double) (k + 1) / v.length;
      }
      XYSeries s = chart.addSeries(e.getKey(), xs, ys);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(colour(PALETTE[i++ % PALETTE.length]));
      s.setLineWidth(2f);
    }
    return chart;
  }

  /**
   * 100 % stacked bars: one bar per label (its request count in the label), segments per path.
   *
   * @param bars label to path counts, in display order
   */
  public static Chart<?, ?> pathMix(String title, Map<String, Map<String, Integer>> bars) {
    List<String> paths = new ArrayList<>();
    bars.values().forEach(m -> m.keySet().stream().filter(p -> !paths.contains(p)).forEach(paths::add));
    paths.sort((a, b) -> Integer.compare(order(a), order(b)));
    Map<String, LinkedHashMap<String, Double>> shares = new LinkedHashMap<>();
    Map<String, String> colours = new LinkedHashMap<>();
    paths.forEach(p -> colours.put(p, PATH_COLOURS.getOrDefault(p, "#999999")));
    bars.forEach((label, counts) -> {
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      LinkedHashMap<String, Double> seg = new LinkedHashMap<>();
      paths.forEach(p -> seg.put(p, total == 0 ? 0 : 100.0 * counts.getOrDefault(p, 0) / total));
      shares.put(label + " (" + total + ")", seg);
    });
    CategoryChart chart = stacked(title, "% of requests", shares, colours, 1200, 620);
    chart.getStyler().setYAxisMax(100.0);
    chart.getStyler().setXAxisLabelRotation(45);
    return chart;
  }

  /**
   * Stacked bars, one per system.
   *
   * @param bars system to segment name to value, in display order
   * @param segmentColours colour per segment name
   * @param valueLabel formats a bar's total, shown under the bar with its name
   */
  public static Chart<?, ?> stackedBars(String title, String yTitle, Map<String, LinkedHashMap<String, Double>> bars,
      Map<String, String> segmentColours, Function<String, String> valueLabel) {
    Map<String, LinkedHashMap<String, Double>> labelled = new LinkedHashMap<>();
    bars.forEach((name, seg) -> labelled.put(name + ": " + valueLabel.apply(name), seg));
    return stacked(title, yTitle, labelled, segmentColours, 900, 500);
  }

  private static CategoryChart stacked(String title, String yTitle, Map<String, LinkedHashMap<String, Double>> bars,
      Map<String, String> segmentColours, int width, int height) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setStacked(true);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    List<String> labels = List.copyOf(bars.keySet());
    List<String> segments = new ArrayList<>(segmentColours.keySet());
    bars.values().forEach(m -> m.keySet().stream().filter(s -> !segments.contains(s)).forEach(segments::add));
    int i = 0;
    for (String segment : segments) {
      List<Double> values = labels.stream().map(l -> bars.get(l).getOrDefault(segment, 0.0)).toList();
      CategorySeries s = chart.addSeries(segment, labels, values);
      s.setFillColor(colour(segmentColours.getOrDefault(segment, PALETTE[i % PALETTE.length])));
      i++;
    }
    return chart;
  }

  /**
   * A line of points per series over categorical x values (e.g. concurrency 1, 2, 4 ... 64, evenly
   * spaced), linear y from 0.
   *
   * @param xLabels the x categories, in order
   * @param series name to y value per x category (NaN: no point), in legend order
   * @param colours colour per series name
   * @param dashed series names drawn dashed
   */
  public static Chart<?, ?> lines(String title, String xTitle, String yTitle, List<String> xLabels,
      Map<String, double[]> series, Map<String, String> colours, Set<String> dashed) {
    CategoryChart chart = new CategoryChartBuilder().width(900).height(520).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(CategorySeriesRenderStyle.Line);
    chart.getStyler().setYAxisMin(0.0);
    int k = 0;
    for (Map.Entry<String, double[]> e : series.entrySet()) {
      double[] ys = e.getValue();
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < xLabels.size(); i++) {
        values.add(i < ys.length && !Double.isNaN(ys[i]) ? ys[i] : null);
      }
      CategorySeries s = chart.addSeries(e.getKey(), xLabels, values);
      Color c = colour(colours.getOrDefault(e.getKey(), PALETTE[k++ % PALETTE.length]));
      s.setLineColor(c);
      s.setMarkerColor(c);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineStyle(dashed.contains(e.getKey()) ? SeriesLines.DASH_DASH : new BasicStroke(2f));
    }
    return chart;
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setAntiAlias(true);
  }

  private static Color colour(String hex) {
    return Color.decode(hex);
  }

  private static int order(String path) {
    int i = PATH_ORDER.indexOf(path);
    return i < 0 ? PATH_ORDER.size() : i;
  }
}
