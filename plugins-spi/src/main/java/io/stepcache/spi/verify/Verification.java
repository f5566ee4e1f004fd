package io.stepcache.spi.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The immutable result of verifying a step list: failures per step index, failures of the output
 * as a whole, and the steps the rules promoted (determined by the request, {@link
 * Verdicts#promoteStep}; a failing step is never promoted).
 *
 * <p>Verifications are ranked by how bad they are with {@link #SEVERITY}, the one ranking the
 * engine and packs use to pick the closest candidate or to keep the better of two attempts.
 */
public record Verification(
    Map<Integer, List<Finding>> stepFailures, List<Finding> outputFailures, Set<Integer> promotedSteps) {

  /**
   * Least severe first: first by what a repair has to redo, the failing steps plus one when the
   * output as a whole fails, then by the number of findings (step and output findings). A passed
   * verification is the least severe; two verifications that fail the same number of steps with
   * the same number of findings rank equal. Consistent with {@link #passed()}: severity zero on both
   * counts is exactly a pass. Since SPI 1.1.
   */
  public static final Comparator<Verification> SEVERITY =
      Comparator.comparingInt(Verification::failingUnits).thenComparingInt(Verification::findingCount);

  public Verification {
    TreeMap<Integer, List<Finding>> copy = new TreeMap<>();
    stepFailures.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    stepFailures = java.util.Collections.unmodifiableSortedMap(copy);
    outputFailures = List.copyOf(outputFailures);
    TreeSet<Integer> promoted = new TreeSet<>(promotedSteps);
    promoted.removeAll(copy.keySet());
    promotedSteps = java.util.Collections.unmodifiableSortedSet(promoted);
  }

  /** A verification without promotions. */
  public Verification(Map<Integer, List<Finding>> stepFailures, List<Finding> outputFailures) {
    this(stepFailures, outputFailures, Set.of());
  }

  /** Reads the findings a rule evaluation collected. */
  public static Verification of(Verdicts verdicts) {
    return new Verification(verdicts.stepFailures(), verdicts.outputFailures(), verdicts.promotions().keySet());
  }

  /** True when the rules promoted step {@code index} (and it passed). */
  public boolean stepPromoted(int index) {
    return promotedSteps.contains(index);
  }

  /** True when no step and no output check failed. */
  public boolean passed() {
    return stepFailures.isEmpty() && outputFailures.isEmpty();
  }

  /** True when step {@code index} has no finding. */
  public boolean stepPassed(int index) {
    return !stepFailures.containsKey(index);
  }

  /** Indexes of failing steps, ascending. */
  public Set<Integer> failingSteps() {
    return stepFailures.keySet();
  }

  /** True when {@link #SEVERITY} ranks this verification strictly worse than {@code other}. Since SPI 1.1. */
  public boolean worseThan(Verification other) {
    return SEVERITY.compare(this, other) > 0;
  }

  private static int failingUnits(Verification v) {
    return v.stepFailures.size() + (v.outputFailures.isEmpty() ? 0 : 1);
  }

  private static int findingCount(Verification v) {
    return v.stepFailures.values().stream().mapToInt(List::size).sum() + v.outputFailures.size();
  }

  /** Every finding as "CODE: reason" lines, step findings first (for prompts and logs). */
  public List<String> messages() {
    List<String> out = new ArrayList<>();
    stepFailures.forEach((i, fs) -> fs.forEach(f -> out.add("step " + (i + 1) + ": " + f)));
    outputFailures.forEach(f -> out.add(f.toString()));
    return out;
  }
}
