package io.stepcache.bench.workload;

import java.util.Locale;

/**
 * Which JSON texts a workload uses; the math family is the same in both.
 *
 * <ul>
 *   <li>{@code paper}: the ten record types the paper comparison was calibrated on (byte for byte
 *       the workload of earlier runs);
 *   <li>{@code adversarial}: short real-world texts in which every requested value stands beside a
 *       same-typed distractor (a maximum, a negated number, an old price, a sibling, a state code,
 *       another city), the mistakes real models make and grounding rules do not catch.
 * </ul>
 */
public enum WorkloadKind {
  PAPER,
  ADVERSARIAL;

  /** The name on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code paper} or {@code adversarial}. */
  public static WorkloadKind named(String name) {
    for (WorkloadKind k : values()) {
      if (k.label().equals(name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown workload '" + name + "'; use paper or adversarial");
  }
}
