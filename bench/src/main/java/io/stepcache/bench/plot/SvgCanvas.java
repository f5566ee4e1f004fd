package io.stepcache.bench.plot;

import java.util.Locale;

/** Writes SVG 1.1 by hand (no dependency); opens in any browser. */
public final class SvgCanvas implements Canvas {

  private final StringBuilder sb = new StringBuilder();
  private final int width;
  private final int height;

  public SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
    rect(0, 0, width, height, "#ffffff");
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill) {
    sb.append(f("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x, y, w, h, fill));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
    sb.append(f("<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>\n",
        x1, y1, x2, y2, stroke, width, dashed ? " stroke-dasharray=\"4,3\"" : ""));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double width) {
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      pts.append(f("%.1f,%.1f ", xs[i], ys[i]));
    }
    sb.append(f("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" stroke-linejoin=\"round\" points=\"%s\"/>\n",
        stroke, width, pts.toString().strip()));
  }

  @Override
  public void text(double x, double y, String text, double size, String fill, Anchor anchor, boolean bold) {
    sb.append(f("<text x=\"%.1f\" y=\"%.1f\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"%.1f\" fill=\"%s\""
        + " text-anchor=\"%s\"%s>%s</text>\n", x, y, size, fill, anchor(anchor), bold ? " font-weight=\"bold\"" : "", escape(text)));
  }

  @Override
  public void verticalText(double x, double y, String text, double size, String fill) {
    sb.append(f("<text x=\"%.1f\" y=\"%.1f\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"%.1f\" fill=\"%s\""
        + " text-anchor=\"middle\" transform=\"rotate(-90 %.1f %.1f)\">%s</text>\n", x, y, size, fill, x, y, escape(text)));
  }

  private static String anchor(Anchor a) {
    return switch (a) {
      case START -> "start";
      case MIDDLE -> "middle";
      case END -> "end";
    };
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** The finished document. */
  public String toSvg() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n",
            width, height, width, height)
        + sb + "</svg>\n";
  }
}
