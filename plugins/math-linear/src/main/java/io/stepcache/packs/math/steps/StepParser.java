package io.stepcache.packs.math.steps;

import io.stepcache.packs.math.algebra.EquationSides;
import io.stepcache.packs.math.algebra.ExpressionException;
import io.stepcache.packs.math.algebra.ExpressionParser;
import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.LinearSide;
import io.stepcache.packs.math.algebra.Poly;
import io.stepcache.packs.math.algebra.Token;
import io.stepcache.packs.math.algebra.Tokenizer;
import io.stepcache.packs.math.steps.StepLine.AnswerLine;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import io.stepcache.packs.math.steps.StepLine.UnreadableLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one cleaned step line ({@code "Subtract 5 from both sides: 3x = 15"}, {@code "Answer: x =
 * 5"}) into a {@link StepLine}. Never throws for bad input: such lines become {@link
 * UnreadableLine}s with a reason.
 */
public final class StepParser {

  private static final Pattern ANSWER = Pattern.compile("(?i)(?:final\\s+)?answer");
  private static final Pattern ADD = Pattern.compile("(?i)add\\s+(.+?)\\s+to\\s+both\\s+sides");
  private static final Pattern SUBTRACT =
      Pattern.compile("(?i)subtract\\s+(.+?)\\s+from\\s+both\\s+sides");
  private static final Pattern MULTIPLY =
      Pattern.compile("(?i)multiply\\s+both\\s+sides\\s+by\\s+(.+)");
  private static final Pattern DIVIDE = Pattern.compile("(?i)divide\\s+both\\s+sides\\s+by\\s+(.+)");
  private static final Pattern SWAP = Pattern.compile("(?i)swap(?:\\s+the)?\\s+sides");

  private StepParser() {}

  /** The line read into an operation step, an answer, or an unreadable line. */
  public static StepLine parse(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      return new UnreadableLine(false, "there is no ':' between the operation and the equation");
    }
    String head = line.substring(0, colon).strip();
    String body = line.substring(colon + 1).strip();
    boolean isAnswer = ANSWER.matcher(head).matches();
    try {
      return isAnswer ? answer(body) : operation(head, body);
    } catch (ExpressionException e) {
      return new UnreadableLine(isAnswer, "cannot read '" + body + "': " + e.getMessage());
    }
  }

  private static StepLine answer(String body) {
    List<Token> tokens = Tokenizer.tokenize(body);
    Set<String> unknowns = ExpressionParser.unknownsIn(tokens);
    if (unknowns.size() != 1) {
      return new UnreadableLine(true, "the answer must read '<unknown> = <number>'");
    }
    String variable = unknowns.iterator().next();
    EquationSides.Polynomials sides = EquationSides.split(tokens).parse(variable);
    if (sides.highestDegreeSeen() > 1
        || !sides.right().isConstant()
        || !LinearSide.of(sides.left()).isBareUnknown()) {
      return new UnreadableLine(true, "the answer must read '" + variable + " = <number>'");
    }
    return new AnswerLine(variable, sides.right().coefficient(0));
  }

  private static StepLine operation(String head, String body) {
    Matcher m;
    Operation operation;
    String operandText = "";
    if ((m = ADD.matcher(head)).matches()) {
      operation = Operation.ADD;
      operandText = m.group(1);
    } else if ((m = SUBTRACT.matcher(head)).matches()) {
      operation = Operation.SUBTRACT;
      operandText = m.group(1);
    } else if ((m = MULTIPLY.matcher(head)).matches()) {
      operation = Operation.MULTIPLY;
      operandText = m.group(1);
    } else if ((m = DIVIDE.matcher(head)).matches()) {
      operation = Operation.DIVIDE;
      operandText = m.group(1);
    } else if (SWAP.matcher(head).matches()) {
      operation = Operation.SWAP;
    } else {
      return new UnreadableLine(false, "'" + head + "' is not one of the allowed operations");
    }
    List<Token> operandTokens = Tokenizer.tokenize(operandText);
    List<Token> equationTokens = Tokenizer.tokenize(body);
    List<Token> all = new ArrayList<>(operandTokens);
    all.addAll(equationTokens);
    Set<String> unknowns = ExpressionParser.unknownsIn(all);
    if (unknowns.size() > 1) {
      return new UnreadableLine(
          false, "the step mixes the unknowns " + String.join(" and ", unknowns));
    }
    String variable = unknowns.isEmpty() ? null : unknowns.iterator().next();
    LinearEquation equation = EquationSides.split(equationTokens).parseLinear(variable);
    StepOperation step;
    if (operation == Operation.SWAP) {
      step = StepOperation.swap();
    } else {
      Poly operand = ExpressionParser.parse(operandTokens, variable);
      if (operand.highestDegreeSeen() > 1) {
        return new UnreadableLine(false, "the operand '" + operandText + "' is not linear");
      }
      if ((operation == Operation.MULTIPLY || operation == Operation.DIVIDE)
          && (!operand.isConstant() || operand.coefficient(0) == 0)) {
        return new UnreadableLine(
            false, "both sides must be multiplied or divided by a non-zero number");
      }
      step = new StepOperation(operation, LinearSide.of(operand));
    }
    return new OperationLine(step, equation, variable);
  }
}
