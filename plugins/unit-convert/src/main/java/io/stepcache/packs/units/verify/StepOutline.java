package io.stepcache.packs.units.verify;

import io.stepcache.packs.units.steps.StepKind;
import java.util.List;

/** Fact: the kinds of all steps in order, for the rules about the answer's shape. */
public record StepOutline(List<StepKind> kinds) {

  public StepOutline {
    kinds = List.copyOf(kinds);
  }

  /** How many steps are answers. */
  public int getAnswers() {
    return (int) kinds.stream().filter(k -> k == StepKind.ANSWER).count();
  }

  /** The last step is the answer. */
  public boolean isAnswerLast() {
    return !kinds.isEmpty() && kinds.get(kinds.size() - 1) == StepKind.ANSWER;
  }

  /** The canonical shape: factor, product, answer. */
  public boolean isCanonical() {
    return kinds.equals(List.of(StepKind.FACTOR, StepKind.PRODUCT, StepKind.ANSWER));
  }
}
