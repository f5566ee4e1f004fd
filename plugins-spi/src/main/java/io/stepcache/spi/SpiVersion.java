package io.stepcache.spi;

import java.util.Objects;

/**
 * The version of this SPI and the check of a pack's declared range against it.
 *
 * <p>Ranges use the Maven/pf4j interval notation: {@code [1.0,2.0)} accepts 1.0 up to but not
 * including 2.0; a bare version {@code 1.0} means "at least 1.0"; {@code *} accepts anything.
 */
public final class SpiVersion {

  /** The SPI version this jar implements. A minor bump adds; a major bump breaks. */
  public static final String CURRENT = "1.1";

  private SpiVersion() {}

  /**
   * Tells whether {@code version} lies inside {@code range}.
   *
   * @throws IllegalArgumentException when the range cannot be parsed
   */
  public static boolean satisfies(String version, String range) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(range, "range");
    String r = range.strip();
    if (r.equals("*") || r.isEmpty()) {
      return true;
    }
    char open = r.charAt(0);
    if (open != '[' && open != '(') {
      return compare(version, r) >= 0;
    }
    char close = r.charAt(r.length() - 1);
    if (close != ']' && close != ')') {
      throw new IllegalArgumentException("Unclosed version range: " + range);
    }
    String[] bounds = r.substring(1, r.length() - 1).split(",", -1);
    if (bounds.length != 2) {
      throw new IllegalArgumentException("A version range needs two bounds: " + range);
    }
    String low = bounds[0].strip();
    String high = bounds[1].strip();
    if (!low.isEmpty()) {
      int c = compare(version, low);
      if (c < 0 || (c == 0 && open == '(')) {
        return false;
      }
    }
    if (!high.isEmpty()) {
      int c = compare(version, high);
      if (c > 0 || (c == 0 && close == ')')) {
        return false;
      }
    }
    return true;
  }

  /** Compares dotted numeric versions ("1.0" == "1.0.0"). */
  public static int compare(String a, String b) {
    String[] pa = a.strip().split("\\.");
    String[] pb = b.strip().split("\\.");
    for (int i = 0; i < Math.max(pa.length, pb.length); i++) {
      int x = i < pa.length ? parse(pa[i], a) : 0;
      int y = i < pb.length ? parse(pb[i], b) : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static int parse(String part, String whole) {
    try {
      return Integer.parseInt(part);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a dotted numeric version: " + whole, e);
    }
  }
}
