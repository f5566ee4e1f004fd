package io.stepcache.bench.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes a chart as {@code name.svg} and, unless disabled or impossible here, {@code name.png}. */
public final class PlotWriter {

  private final Path dir;
  private final boolean png;
  private final List<String> warnings = new ArrayList<>();

  public PlotWriter(Path dir, boolean png) {
    this.dir = dir;
    this.png = png;
  }

  /** Writes the chart; returns the files written. */
  public List<Path> write(String name, Charts.Chart chart) throws IOException {
    List<Path> out = new ArrayList<>();
    SvgCanvas svg = new SvgCanvas(chart.width(), chart.height());
    chart.draw(svg);
    Path svgFile = dir.resolve(name + ".svg");
    Files.writeString(svgFile, svg.toSvg(), StandardCharsets.UTF_8);
    out.add(svgFile);
    if (png) {
      try {
        System.setProperty("java.awt.headless", "true");
        PngCanvas canvas = new PngCanvas(chart.width(), chart.height());
        chart.draw(canvas);
        Path pngFile = dir.resolve(name + ".png");
        ImageIO.write(canvas.image(), "png", pngFile.toFile());
        out.add(pngFile);
      } catch (RuntimeException | LinkageError | InternalError e) {
        warnings.add("PNG " + name + " not written (" + e + "); the SVG is there");
      }
    }
    return out;
  }

  /** Why some PNGs were not written (no fonts or no AWT on a minimal JDK). */
  public List<String> warnings() {
    return warnings;
  }
}
