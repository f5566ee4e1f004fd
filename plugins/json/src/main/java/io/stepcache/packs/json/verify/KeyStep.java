package io.stepcache.packs.json.verify;

/** One step: a top-level {@code "key": value} pair of the answer. */
public final class KeyStep {

  private final int index;
  private final String text;
  private final String key;
  private final boolean parsed;
  private final String valueJson;
  private final boolean grounded;

  /**
   * @param index 0-based step position
   * @param text the step text
   * @param key the key, or {@code null} when the step does not start with a quoted key and a colon
   * @param parsed true when key and value are valid JSON
   * @param valueJson the value as compact JSON when parsed, else its raw text
   * @param grounded true when the value is backed by the source text (see {@link Grounding})
   */
  public KeyStep(int index, String text, String key, boolean parsed, String valueJson, boolean grounded) {
    this.index = index;
    this.text = text;
    this.key = key;
    this.parsed = parsed;
    this.valueJson = valueJson;
    this.grounded = grounded;
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

  @Override
  public String toString() {
    return "KeyStep[" + index + ": " + text + (grounded ? "" : ", not grounded") + "]";
  }
}
