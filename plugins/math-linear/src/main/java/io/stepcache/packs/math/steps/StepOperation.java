package io.stepcache.packs.math.steps;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.LinearSide;
import io.stepcache.packs.math.algebra.Numbers;
import java.util.Objects;

/**
 * An operation with its operand, e.g. "Subtract 5 from both sides" or "Divide both sides by 3".
 *
 * @param operation what is done to both sides
 * @param operand the term added or subtracted ({@link Operation#ADD}, {@link
 *     Operation#SUBTRACT}); for {@link Operation#MULTIPLY} and {@link Operation#DIVIDE} the
 *     factor is the operand's constant; unused for {@link Operation#SWAP}
 */
public record StepOperation(Operation operation, LinearSide operand) {

  private static final LinearSide NONE = new LinearSide(0, 0);

  public StepOperation {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(operand, "operand");
  }

  /** "Swap sides". */
  public static StepOperation swap() {
    return new StepOperation(Operation.SWAP, NONE);
  }

  /** "Divide both sides by {@code divisor}". */
  public static StepOperation divide(double divisor) {
    return new StepOperation(Operation.DIVIDE, new LinearSide(0, divisor));
  }

  /**
   * Removes {@code term} (a constant or a multiple of the unknown) from both sides, written as a
   * subtraction of a positive term or an addition of the opposite.
   */
  public static StepOperation remove(LinearSide term) {
    boolean negative = term.hasUnknown() ? term.coefficient() < 0 : term.constant() < 0;
    return negative
        ? new StepOperation(Operation.ADD, term.times(-1))
        : new StepOperation(Operation.SUBTRACT, term);
  }

  /** The equation after applying this operation to both sides of {@code equation}. */
  public LinearEquation apply(LinearEquation equation) {
    LinearSide left = equation.left();
    LinearSide right = equation.right();
    return switch (operation) {
      case ADD -> new LinearEquation(left.plus(operand), right.plus(operand));
      case SUBTRACT -> new LinearEquation(left.minus(operand), right.minus(operand));
      case MULTIPLY -> new LinearEquation(left.times(factor()), right.times(factor()));
      case DIVIDE -> new LinearEquation(left.dividedBy(factor()), right.dividedBy(factor()));
      case SWAP -> equation.swapped();
    };
  }

  /** The operation as a step writes it, e.g. "Add 2x to both sides". */
  public String render(String variable) {
    return switch (operation) {
      case ADD -> "Add " + operandText(variable) + " to both sides";
      case SUBTRACT -> "Subtract " + operandText(variable) + " from both sides";
      case MULTIPLY -> "Multiply both sides by " + Numbers.format(factor());
      case DIVIDE -> "Divide both sides by " + Numbers.format(factor());
      case SWAP -> "Swap sides";
    };
  }

  private double factor() {
    return operand.constant();
  }

  private String operandText(String variable) {
    return operand.hasUnknown() && Numbers.close(operand.constant(), 0)
        ? LinearSide.term(operand.coefficient(), variable)
        : operand.render(variable);
  }
}
