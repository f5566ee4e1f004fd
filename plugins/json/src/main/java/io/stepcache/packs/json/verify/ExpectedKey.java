package io.stepcache.packs.json.verify;

/** One key the request names (from required keys, the schema or the prompt). */
public final class ExpectedKey {

  private final String name;
  private final boolean required;

  /**
   * @param name the key
   * @param required true when the answer must hold it
   */
  public ExpectedKey(String name, boolean required) {
    this.name = name;
    this.required = required;
  }

  public String getName() {
    return name;
  }

  public boolean isRequired() {
    return required;
  }

  @Override
  public String toString() {
    return "ExpectedKey[" + name + (required ? "!" : "?") + "]";
  }
}
