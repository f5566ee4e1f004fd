package io.stepcache.spi.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The collector rules report into, bound as the DRL global {@code verdicts}. One instance per rule
 * evaluation; not thread-safe (an evaluation runs on one thread).
 */
public final class Verdicts {

  private final Map<Integer, List<Finding>> stepFailures = new TreeMap<>();
  private final List<Finding> outputFailures = new ArrayList<>();
  private final List<Finding> skipReasons = new ArrayList<>();
  private final Map<Integer, List<Finding>> promotions = new TreeMap<>();

  /** Step {@code index} (0-based) is wrong for this request. */
  public void failStep(int index, String code, String reason) {
    stepFailures.computeIfAbsent(index, i -> new ArrayList<>()).add(new Finding(code, reason));
  }

  /** The output as a whole is wrong (missing step, unparsable JSON, answer inconsistent...). */
  public void failOutput(String code, String reason) {
    outputFailures.add(new Finding(code, reason));
  }

  /** Reusing the neighbour's steps is unsafe: the change is semantic (guard evaluations only). */
  public void skipReuse(String code, String reason) {
    skipReasons.add(new Finding(code, reason));
  }

  /**
   * Step {@code index} is not only plausible but determined by the request: the rules can tell
   * that no other answer would pass (e.g. the value is the only one of its kind in the source
   * text). A promoted step of a {@link VerificationStrength#GROUNDED} pack counts as confirmed. A
   * step that also fails is not promoted. Since SPI 1.1.
   */
  public void promoteStep(int index, String code, String reason) {
    promotions.computeIfAbsent(index, i -> new ArrayList<>()).add(new Finding(code, reason));
  }

  /** Promotions by step index (since SPI 1.1). */
  public Map<Integer, List<Finding>> promotions() {
    return Collections.unmodifiableMap(promotions);
  }

  public Map<Integer, List<Finding>> stepFailures() {
    return Collections.unmodifiableMap(stepFailures);
  }

  public List<Finding> outputFailures() {
    return Collections.unmodifiableList(outputFailures);
  }

  public List<Finding> skipReasons() {
    return Collections.unmodifiableList(skipReasons);
  }
}
