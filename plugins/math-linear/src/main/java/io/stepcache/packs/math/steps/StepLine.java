package io.stepcache.packs.math.steps;

import io.stepcache.packs.math.algebra.LinearEquation;
import java.util.Objects;

/** One step line as read by {@link StepParser}: an operation step, the answer, or unreadable. */
public sealed interface StepLine {

  /**
   * {@code "<Operation>: <equation>"}.
   *
   * @param operation the operation the line names
   * @param equation the equation it states
   * @param variable the unknown the line uses, or {@code null} when it uses none
   */
  record OperationLine(StepOperation operation, LinearEquation equation, String variable)
      implements StepLine {
    public OperationLine {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(equation, "equation");
    }
  }

  /**
   * {@code "Answer: v = value"}.
   *
   * @param variable the unknown named
   * @param value its value
   */
  record AnswerLine(String variable, double value) implements StepLine {
    public AnswerLine {
      Objects.requireNonNull(variable, "variable");
    }
  }

  /**
   * A line that does not follow the format.
   *
   * @param answer true when the line is labelled as the answer
   * @param reason what is wrong, for people
   */
  record UnreadableLine(boolean answer, String reason) implements StepLine {
    public UnreadableLine {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
