package io.stepcache.checkpoint;

import java.util.List;

/**
 * A checkpoint placement and what it is worth.
 *
 * @param positions checkpoint positions in depth units, ascending
 * @param expectedCost expected recompute per request (depth units), weights normalised over the
 *     depths the plan covers
 * @param baselineCost the expected recompute with no checkpoints (the mean depth)
 * @param savings {@code 1 - expectedCost / baselineCost}, or 0 when there is nothing to save
 */
public record Plan(
    List<Integer> positions, double expectedCost, double baselineCost, double savings) {

  public Plan {
    positions = List.copyOf(positions);
  }
}
