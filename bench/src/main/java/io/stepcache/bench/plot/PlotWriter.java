package io.stepcache.bench.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes an XChart chart as {@code name.svg} (VectorGraphics2D) and, unless disabled, {@code
 * name.png}. Both need AWT's fonts: where there are none, a warning instead of the file.
 */
public final class PlotWriter {

  private final Path dir;
  private final boolean png;
  private final List<String> warnings = new ArrayList<>();

  public PlotWriter(Path dir, boolean png) {
    this.dir = dir;
    this.png = png;
  }

  /** Writes the chart; returns the files written. */
  public List<Path> write(String name, Chart<?, ?> chart) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Path> out = new ArrayList<>();
    Path svg = dir.resolve(name + ".svg");
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      out.add(svg);
    } catch (RuntimeException | LinkageError | InternalError e) {
      warnings.add("SVG " + name + " not written (" + e + ")");
      return out;
    }
    if (png) {
      Path file = dir.resolve(name + ".png");
      try {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        out.add(file);
      } catch (RuntimeException | LinkageError | InternalError e) {
        warnings.add("PNG " + name + " not written (" + e + "); the SVG is there");
      }
    }
    return out;
  }

  /** Why some plots were not written (no fonts or no AWT on a minimal JDK). */
  public List<String> warnings() {
    return warnings;
  }
}
