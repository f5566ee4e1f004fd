package io.stepcache.testkit.lookup;

/** One "code: X" step and whether X occurs in the request's text as a whole word. */
public final class CodeStep {

  private final int index;
  private final String value;
  private final boolean inText;

  public CodeStep(int index, String value, boolean inText) {
    this.index = index;
    this.value = value;
    this.inText = inText;
  }

  public int getIndex() {
    return index;
  }

  public String getValue() {
    return value;
  }

  public boolean isInText() {
    return inText;
  }
}
