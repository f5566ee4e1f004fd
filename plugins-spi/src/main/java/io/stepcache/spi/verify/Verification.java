package io.stepcache.spi.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The immutable result of verifying a step list: failures per step index, failures of the output
 * as a whole, and the steps the rules promoted (determined by the request, {@link
 * Verdicts#promoteStep}; a failing step is never promoted).
 */
public record Verification(
    Map<Integer, List<Finding>> stepFailures, List<Finding> outputFailures, Set<Integer> promotedSteps) {

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

  /** Every finding as "CODE: reason" lines, step findings first (for prompts and logs). */
  public List<String> messages() {
    List<String> out = new ArrayList<>();
    stepFailures.forEach((i, fs) -> fs.forEach(f -> out.add("step " + (i + 1) + ": " + f)));
    outputFailures.forEach(f -> out.add(f.toString()));
    return out;
  }
}
