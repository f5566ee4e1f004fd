package io.stepcache.bench.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws with Java2D (headless) into a PNG-ready image, at twice the nominal size for sharpness. */
public final class PngCanvas implements Canvas {

  private static final double SCALE = 2;

  private final BufferedImage image;
  private final Graphics2D g;

  public PngCanvas(int width, int height) {
    image = new BufferedImage((int) (width * SCALE), (int) (height * SCALE), BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.scale(SCALE, SCALE);
    rect(0, 0, width, height, "#ffffff");
  }

  private static Color color(String hex) {
    return Color.decode(hex);
  }

  @Override
  public void rect(double x, double y, double w, double h, String fill) {
    g.setColor(color(fill));
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
    g.setColor(color(stroke));
    g.setStroke(dashed
        ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0)
        : new BasicStroke((float) width));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double width) {
    if (xs.length == 0) {
      return;
    }
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      p.lineTo(xs[i], ys[i]);
    }
    g.setColor(color(stroke));
    g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(p);
  }

  @Override
  public void text(double x, double y, String text, double size, String fill, Anchor anchor, boolean bold) {
    g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size));
    double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
    double dx = switch (anchor) {
      case START -> 0;
      case MIDDLE -> -w / 2;
      case END -> -w;
    };
    g.setColor(color(fill));
    g.drawString(text, (float) (x + dx), (float) y);
  }

  @Override
  public void verticalText(double x, double y, String text, double size, String fill) {
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    g.rotate(-Math.PI / 2);
    text(0, 0, text, size, fill, Anchor.MIDDLE, false);
    g.setTransform(saved);
  }

  /** The finished image. */
  public BufferedImage image() {
    g.dispose();
    return image;
  }
}
