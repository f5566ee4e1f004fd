package io.stepcache.checkpoint;

/**
 * A solved placement problem for one distribution and budget M. It answers for the whole prefix
 * and, without solving again, for any request length L.
 */
public interface PlacementTable {

  /** The optimal placement of at most M checkpoints for depths 1..N. */
  Plan plan();

  /**
   * The optimal placement of at most M checkpoints for a request of length {@code length}: the same
   * as solving the problem truncated to depths 1..length (candidates up to length, weights
   * renormalised over those depths). Lengths above N are treated as N; O(N / binSize + M).
   *
   * @throws IllegalArgumentException when {@code length < 1}
   */
  Plan planForLength(int length);
}
