package io.stepcache.packs.math.verify;

/** What every step fact has: position, text, whether it could be read, and the unknown it uses. */
public abstract class MathStep {

  private final int index;
  private final String text;
  private final String unreadableReason;
  private final String variable;
  private final String problemVariable;

  /**
   * @param unreadableReason why the step could not be read, or {@code null} when it could
   * @param variable the unknown the step uses, or {@code null}
   */
  protected MathStep(
      int index, String text, String unreadableReason, String variable, LinearProblem problem) {
    this.index = index;
    this.text = text;
    this.unreadableReason = unreadableReason;
    this.variable = variable;
    this.problemVariable = problem.getVariable();
  }

  /** 0-based position. */
  public int getIndex() {
    return index;
  }

  /** 1-based position, for messages. */
  public int getNumber() {
    return index + 1;
  }

  public String getText() {
    return text;
  }

  /** True when the step follows the format. */
  public boolean isParsed() {
    return unreadableReason == null;
  }

  /** Why the step could not be read, or {@code null}. */
  public String getUnreadableReason() {
    return unreadableReason;
  }

  /** The unknown the step uses, or {@code null} when it uses none. */
  public String getVariable() {
    return variable;
  }

  /** The problem's unknown. */
  public String getProblemVariable() {
    return problemVariable;
  }

  /** True when the step names an unknown other than the problem's. */
  public boolean isForeignVariable() {
    return variable != null && !variable.equals(problemVariable);
  }
}
