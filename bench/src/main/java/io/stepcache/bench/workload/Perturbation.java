package io.stepcache.bench.workload;

/**
 * How a request differs from its base prompt (bench/README.md, plus surface wording).
 * Whether the correct answer changes is part of the kind: only {@link #WORDING} keeps it.
 */
public enum Perturbation {
  /** The base prompt itself, asked first (cold). */
  BASE,
  /** Other numeric constants (math) or other values in the source text (JSON). */
  CONSTANTS,
  /** Another name for the unknown (math) or for the output keys (JSON). */
  VARIABLE,
  /** Another output schema or set of required keys (JSON only). */
  SCHEMA,
  /** The same request in other words: the answer does not change. */
  WORDING,
  /**
   * A different kind of problem that must not be answered from the old one: another equation
   * structure with the same numbers (math), another type for a key (JSON).
   */
  SEMANTIC;

  /** True when the correct answer may differ from the base prompt's. */
  public boolean changesAnswer() {
    return this != WORDING && this != BASE;
  }
}
