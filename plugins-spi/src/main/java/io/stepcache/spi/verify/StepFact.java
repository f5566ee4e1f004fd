package io.stepcache.spi.verify;

/**
 * One step as the host inserts it into every verification, so shared rules can check order and
 * duplication without knowing the pack.
 *
 * @param index 0-based position
 * @param text the step text
 * @param count how many steps the list has
 */
public record StepFact(int index, String text, int count) {

  // bean-style accessors so DRL constraints can use property names
  public int getIndex() {
    return index;
  }

  public String getText() {
    return text;
  }

  public int getCount() {
    return count;
  }
}
