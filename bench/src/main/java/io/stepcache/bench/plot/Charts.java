package io.stepcache.bench.plot;

import io.stepcache.bench.plot.Canvas.Anchor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's charts, drawn on any {@link Canvas}. */
public final class Charts {

  /** A chart of fixed size. */
  public interface Chart {
    int width();

    int height();

    void draw(Canvas c);
  }

  static final String[] PALETTE = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
  };

  /** Colours of the paths. */
  public static final Map<String, String> PATH_COLOURS = Map.of(
      "REUSE", "#2ca02c", "PATCH", "#98df8a", "SKIP", "#ff7f0e", "MISS", "#d62728",
      "HIT", "#1f77b4", "ERROR", "#7f7f7f");

  private static final String AXIS = "#333333";
  private static final String GRID = "#dddddd";

  private Charts() {}

  /**
   * Empirical CDF of latency per system, log-scaled x axis (cache hits take microseconds, model
   * calls seconds).
   */
  public static Chart latencyCdf(String title, Map<String, double[]> latenciesMs) {
    return new Chart() {
      public int width() {
        return 900;
      }

      public int height() {
        return 520;
      }

      public void draw(Canvas c) {
        double left = 70;
        double top = 50;
        double right = 210;
        double bottom = 60;
        double w = width() - left - right;
        double h = height() - top - bottom;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double[] v : latenciesMs.values()) {
          for (double d : v) {
            if (d > 0) {
              min = Math.min(min, d);
              max = Math.max(max, d);
            }
          }
        }
        if (max == 0) {
          min = 0.01;
          max = 10;
        }
        double lo = Math.floor(Math.log10(Math.max(min, 1e-3)));
        double hi = Math.ceil(Math.log10(max));
        if (hi <= lo) {
          hi = lo + 1;
        }
        final double flo = lo;
        final double fhi = hi;
        java.util.function.DoubleUnaryOperator xOf =
            ms -> left + (Math.log10(Math.max(ms, Math.pow(10, flo))) - flo) / (fhi - flo) * w;
        c.text(width() / 2.0, 28, title, 16, AXIS, Anchor.MIDDLE, true);
        for (int e = (int) lo; e <= (int) hi; e++) {
          double x = xOf.applyAsDouble(Math.pow(10, e));
          c.line(x, top, x, top + h, GRID, 1, false);
          c.text(x, top + h + 18, msLabel(Math.pow(10, e)), 11, AXIS, Anchor.MIDDLE, false);
        }
        for (int i = 0; i <= 10; i += 2) {
          double y = top + h - i / 10.0 * h;
          c.line(left, y, left + w, y, GRID, 1, false);
          c.text(left - 8, y + 4, String.format(Locale.ROOT, "%.1f", i / 10.0), 11, AXIS, Anchor.END, false);
        }
        c.line(left, top + h, left + w, top + h, AXIS, 1.2, false);
        c.line(left, top, left, top + h, AXIS, 1.2, false);
        c.text(left + w / 2, height() - 18, "latency per request (log scale)", 12, AXIS, Anchor.MIDDLE, false);
        c.verticalText(22, top + h / 2, "fraction of requests", 12, AXIS);
        int i = 0;
        for (Map.Entry<String, double[]> e : latenciesMs.entrySet()) {
          double[] v = e.getValue().clone();
          Arrays.sort(v);
          String colour = PALETTE[i % PALETTE.length];
          if (v.length > 0) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            xs.add(xOf.applyAsDouble(v[0]));
            ys.add(top + h);
            for (int k = 0; k < v.length; k++) {
              double x = xOf.applyAsDouble(v[k]);
              xs.add(x);
              ys.add(top + h - (double) k / v.length * h);
              xs.add(x);
              ys.add(top + h - (double) (k + 1) / v.length * h);
            }
            c.polyline(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), colour, 2);
          }
          double ly = top + 10 + i * 22;
          c.line(left + w + 20, ly, left + w + 44, ly, colour, 3, false);
          c.text(left + w + 50, ly + 4, e.getKey(), 12, AXIS, Anchor.START, false);
          i++;
        }
      }
    };
  }

  /**
   * 100 % stacked horizontal bars: one bar per label, segments per path.
   *
   * @param bars label to path counts, in display order
   */
  public static Chart pathMix(String title, Map<String, Map<String, Integer>> bars) {
    return new Chart() {
      public int width() {
        return 900;
      }

      public int height() {
        return 110 + 34 * bars.size();
      }

      public void draw(Canvas c) {
        double left = 230;
        double top = 60;
        double right = 40;
        double w = width() - left - right;
        c.text(width() / 2.0, 28, title, 16, AXIS, Anchor.MIDDLE, true);
        List<String> paths = new ArrayList<>();
        bars.values().forEach(m -> m.keySet().forEach(p -> {
          if (!paths.contains(p)) {
            paths.add(p);
          }
        }));
        paths.sort((a, b) -> Integer.compare(order(a), order(b)));
        double lx = left;
        for (String p : paths) {
          c.rect(lx, 38, 12, 12, PATH_COLOURS.getOrDefault(p, "#999999"));
          c.text(lx + 16, 48, p, 11, AXIS, Anchor.START, false);
          lx += 80;
        }
        int row = 0;
        for (Map.Entry<String, Map<String, Integer>> e : bars.entrySet()) {
          double y = top + row * 34;
          int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
          c.text(left - 8, y + 17, e.getKey() + " (" + total + ")", 11, AXIS, Anchor.END, false);
          double x = left;
          for (String p : paths) {
            int n = e.getValue().getOrDefault(p, 0);
            if (n == 0 || total == 0) {
              continue;
            }
            double sw = w * n / total;
            c.rect(x, y + 4, sw, 20, PATH_COLOURS.getOrDefault(p, "#999999"));
            if (sw > 34) {
              c.text(x + sw / 2, y + 18, String.format(Locale.ROOT, "%.0f%%", 100.0 * n / total), 10, "#000000",
                  Anchor.MIDDLE, false);
            }
            x += sw;
          }
          row++;
        }
      }
    };
  }

  /**
   * Vertical stacked bars, one per system.
   *
   * @param bars system to segment name to value, in display order
   * @param segmentColours colour per segment name
   * @param valueLabel formats a bar's total for the label on top
   */
  public static Chart stackedBars(String title, String yTitle, Map<String, LinkedHashMap<String, Double>> bars,
      Map<String, String> segmentColours, java.util.function.Function<String, String> valueLabel) {
    return new Chart() {
      public int width() {
        return 900;
      }

      public int height() {
        return 500;
      }

      public void draw(Canvas c) {
        double left = 80;
        double top = 70;
        double right = 30;
        double bottom = 70;
        double w = width() - left - right;
        double h = height() - top - bottom;
        c.text(width() / 2.0, 28, title, 16, AXIS, Anchor.MIDDLE, true);
        double max = bars.values().stream()
            .mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum()).max().orElse(1);
        double step = niceStep(max / 5);
        double top5 = Math.max(step, Math.ceil(max / step) * step);
        for (double v = 0; v <= top5 + 1e-9; v += step) {
          double y = top + h - v / top5 * h;
          c.line(left, y, left + w, y, GRID, 1, false);
          c.text(left - 8, y + 4, compact(v), 11, AXIS, Anchor.END, false);
        }
        c.verticalText(22, top + h / 2, yTitle, 12, AXIS);
        double lx = left;
        for (Map.Entry<String, String> s : segmentColours.entrySet()) {
          c.rect(lx, 40, 12, 12, s.getValue());
          c.text(lx + 16, 50, s.getKey(), 11, AXIS, Anchor.START, false);
          lx += 30 + 7 * s.getKey().length();
        }
        int n = bars.size();
        double slot = w / Math.max(1, n);
        double bw = Math.min(90, slot * 0.6);
        int i = 0;
        for (Map.Entry<String, LinkedHashMap<String, Double>> e : bars.entrySet()) {
          double x = left + slot * i + (slot - bw) / 2;
          double y = top + h;
          double total = 0;
          for (Map.Entry<String, Double> seg : e.getValue().entrySet()) {
            double sh = seg.getValue() / top5 * h;
            y -= sh;
            c.rect(x, y, bw, sh, segmentColours.getOrDefault(seg.getKey(), "#999999"));
            total += seg.getValue();
          }
          c.text(x + bw / 2, y - 6, valueLabel.apply(e.getKey()), 11, AXIS, Anchor.MIDDLE, false);
          c.text(x + bw / 2, top + h + 18, e.getKey(), 11, AXIS, Anchor.MIDDLE, false);
          i++;
        }
        c.line(left, top + h, left + w, top + h, AXIS, 1.2, false);
      }
    };
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
  public static Chart lines(String title, String xTitle, String yTitle, List<String> xLabels,
      Map<String, double[]> series, Map<String, String> colours, java.util.Set<String> dashed) {
    return new Chart() {
      public int width() {
        return 900;
      }

      public int height() {
        return 520;
      }

      public void draw(Canvas c) {
        double left = 80;
        double top = 50;
        double right = 200;
        double bottom = 60;
        double w = width() - left - right;
        double h = height() - top - bottom;
        c.text(width() / 2.0, 28, title, 16, AXIS, Anchor.MIDDLE, true);
        double max = 0;
        for (double[] ys : series.values()) {
          for (double y : ys) {
            if (!Double.isNaN(y)) {
              max = Math.max(max, y);
            }
          }
        }
        double step = niceStep(Math.max(max, 1e-9) / 5);
        double yMax = Math.max(step, Math.ceil(max / step) * step);
        for (double v = 0; v <= yMax + 1e-9; v += step) {
          double y = top + h - v / yMax * h;
          c.line(left, y, left + w, y, GRID, 1, false);
          c.text(left - 8, y + 4, compact(v), 11, AXIS, Anchor.END, false);
        }
        int n = xLabels.size();
        java.util.function.IntToDoubleFunction xOf = i -> n <= 1 ? left + w / 2 : left + 20 + i * (w - 40) / (n - 1);
        for (int i = 0; i < n; i++) {
          c.text(xOf.applyAsDouble(i), top + h + 18, xLabels.get(i), 11, AXIS, Anchor.MIDDLE, false);
        }
        c.line(left, top + h, left + w, top + h, AXIS, 1.2, false);
        c.line(left, top, left, top + h, AXIS, 1.2, false);
        c.text(left + w / 2, height() - 18, xTitle, 12, AXIS, Anchor.MIDDLE, false);
        c.verticalText(22, top + h / 2, yTitle, 12, AXIS);
        int k = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
          String colour = colours.getOrDefault(e.getKey(), PALETTE[k % PALETTE.length]);
          boolean dash = dashed.contains(e.getKey());
          double[] ys = e.getValue();
          double px = Double.NaN;
          double py = Double.NaN;
          for (int i = 0; i < Math.min(n, ys.length); i++) {
            if (Double.isNaN(ys[i])) {
              px = Double.NaN;
              continue;
            }
            double x = xOf.applyAsDouble(i);
            double y = top + h - ys[i] / yMax * h;
            if (!Double.isNaN(px)) {
              c.line(px, py, x, y, colour, 2, dash);
            }
            c.rect(x - 3, y - 3, 6, 6, colour);
            px = x;
            py = y;
          }
          double ly = top + 10 + k * 22;
          c.line(left + w + 20, ly, left + w + 44, ly, colour, 3, dash);
          c.text(left + w + 50, ly + 4, e.getKey(), 12, AXIS, Anchor.START, false);
          k++;
        }
      }
    };
  }

  private static int order(String path) {
    List<String> o = List.of("REUSE", "PATCH", "SKIP", "MISS", "HIT", "ERROR");
    int i = o.indexOf(path);
    return i < 0 ? o.size() : i;
  }

  static double niceStep(double raw) {
    if (raw <= 0) {
      return 1;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * mag;
  }

  static String compact(double v) {
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%.1fk", v / 1000).replace(".0k", "k");
    }
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  static String msLabel(double ms) {
    if (ms >= 1000) {
      return compact(ms / 1000) + " s";
    }
    if (ms >= 1) {
      return compact(ms) + " ms";
    }
    return String.format(Locale.ROOT, "%s ms", ms >= 0.1 ? "0.1" : ms >= 0.01 ? "0.01" : "0.001");
  }
}
