package io.stepcache.packs.json.verify;

/** One step: a top-level {@code "key": value} pair of the answer. */
public final class KeyStep {

  private final int index;
  private final String text;
  private final String key;
  private final boolean parsed;
  private final String valueJson;
  private final boolean grounded;
  private final boolean unresolved;

  /**
   * @param index 0-based step position
   * @param text the step text
   * @param key the key, or {@code null} when the step does not start with a quoted key and a colon
   * @param parsed true when key and value are valid JSON
   * @param valueJson the value as compact JSON when parsed, else its raw text
   * @param grounded true when the value is backed by the source text (see {@link Grounding})
   * @param unresolved true for a cached value that could not be found again in the new source text
   *     ({@link io.stepcache.packs.json.text.Unresolved}); such a step is not parsed either
   */
  public KeyStep(
      int index, String text, String key, boolean parsed, String valueJson, boolean grounded, boolean unresolved) {
    this.index = index;
    this.text = text;
    this.key = key;
    this.parsed = parsed;
    this.valueJson = valueJson;
    this.grounded = grounded;
    this.unresolved = unresolved;
  }

  public int getIndex() {
    return index;
  }

  public String getText() {
    return text;
  }

  public String getKey() {
    return key;
  }

  public boolean isParsed() {
    return parsed;
  }

  public String getValueJson() {
    return valueJson;
  }

  public boolean isGrounded() {
    return grounded;
  }

  public boolean isUnresolved() {
    return unresolved;
  }

  @Override
  public String toString() {
    return "KeyStep[" + index + ": " + text + (grounded ? "" : ", not grounded") + "]";
  }
}
