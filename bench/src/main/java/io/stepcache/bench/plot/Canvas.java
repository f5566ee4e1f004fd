package io.stepcache.bench.plot;

/** The few drawing operations the charts need, so one chart renders to SVG and to PNG alike. */
public interface Canvas {

  /** Text anchor. */
  enum Anchor {
    START,
    MIDDLE,
    END
  }

  void rect(double x, double y, double w, double h, String fill);

  void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed);

  void polyline(double[] xs, double[] ys, String stroke, double width);

  void text(double x, double y, String text, double size, String fill, Anchor anchor, boolean bold);

  /** Text rotated 90 degrees counter-clockwise (y-axis titles). */
  void verticalText(double x, double y, String text, double size, String fill);
}
