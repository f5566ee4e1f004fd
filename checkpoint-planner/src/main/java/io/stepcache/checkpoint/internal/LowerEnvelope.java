package io.stepcache.checkpoint.internal;

/**
 * The lower envelope of lines {@code y = slope x + intercept} for the monotone convex-hull trick:
 * lines arrive with strictly decreasing slopes and queries come at non-decreasing x, so lines leave
 * only from the back (when a new line makes them redundant) or the front (when the query point has
 * passed them). Any sequence of n adds and queries costs O(n).
 *
 * <p>Both tests compare without division: redundancy by cross-multiplying the intersection
 * abscissae, the front by comparing values at x. Exact ties resolve toward dropping a line, which
 * never changes the minimum; with integer inputs below 2^53 every comparison is exact.
 */
public final class LowerEnvelope {

  private final double[] slopes;
  private final double[] intercepts;
  private final int[] ids;
  private int head;
  private int tail;

  /** Room for {@code capacity} lines between two {@link #clear()}s. */
  public LowerEnvelope(int capacity) {
    slopes = new double[capacity];
    intercepts = new double[capacity];
    ids = new int[capacity];
  }

  /** Forgets all lines. */
  public void clear() {
    head = 0;
    tail = 0;
  }

  /** Adds a line; its slope must be below every slope added since the last {@link #clear()}. */
  public void add(double slope, double intercept, int id) {
    while (tail - head >= 2 && isRedundant(tail - 1, slope, intercept)) {
      tail--;
    }
    slopes[tail] = slope;
    intercepts[tail] = intercept;
    ids[tail] = id;
    tail++;
  }

  /**
   * The minimum over the lines at {@code x}, which must not be below any earlier query's x since
   * the last {@link #clear()}. Needs at least one line.
   */
  public double minAt(double x) {
    while (tail - head >= 2 && valueAt(head + 1, x) <= valueAt(head, x)) {
      head++;
    }
    return valueAt(head, x);
  }

  /** The id of the line that gave the last {@link #minAt(double)}. */
  public int argMin() {
    return ids[head];
  }

  private double valueAt(int line, double x) {
    return slopes[line] * x + intercepts[line];
  }

  /**
   * Line {@code j} is redundant when the new line overtakes its predecessor {@code i} no later than
   * {@code j} does: {@code x(i, new) <= x(i, j)}, with both slope gaps positive.
   */
  private boolean isRedundant(int j, double slope, double intercept) {
    int i = j - 1;
    return (intercept - intercepts[i]) * (slopes[i] - slopes[j])
        <= (intercepts[j] - intercepts[i]) * (slopes[i] - slope);
  }
}
