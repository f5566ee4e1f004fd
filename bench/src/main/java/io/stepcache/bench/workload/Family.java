package io.stepcache.bench.workload;

/** The two task families of the paper's benchmark, with the pack that serves each. */
public enum Family {
  /** Linear equations in one unknown (pack {@code math-linear}). */
  MATH_LINEAR("math-linear"),
  /** JSON extraction from a short text (pack {@code json}). */
  JSON_EXTRACTION("json");

  private final String task;

  Family(String task) {
    this.task = task;
  }

  /** The pack id sent as {@code task}. */
  public String task() {
    return task;
  }
}
