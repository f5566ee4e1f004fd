package io.stepcache.packs.math.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.LinearSide;
import io.stepcache.packs.math.steps.StepLine.AnswerLine;
import io.stepcache.packs.math.steps.StepLine.OperationLine;
import io.stepcache.packs.math.steps.StepLine.UnreadableLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepParserTest {

  private static OperationLine operation(String line) {
    assertThat(StepParser.parse(line)).isInstanceOf(OperationLine.class);
    return (OperationLine) StepParser.parse(line);
  }

  @Test
  void readsOperationOperandAndEquation() {
    OperationLine line = operation("Subtract 5 from both sides: 3x = 15");
    assertThat(line.operation()).isEqualTo(new StepOperation(Operation.SUBTRACT, new LinearSide(0, 5)));
    assertThat(line.equation()).isEqualTo(new LinearEquation(new LinearSide(3, 0), new LinearSide(0, 15)));
    assertThat(line.variable()).isEqualTo("x");
  }

  @Test
  void readsTermsInTheUnknownAsOperands() {
    OperationLine line = operation("Add 2.5t to both sides: 4.5t - 1 = 3");
    assertThat(line.operation()).isEqualTo(new StepOperation(Operation.ADD, new LinearSide(2.5, 0)));
    assertThat(line.variable()).isEqualTo("t");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Divide both sides by -3: x = -2      | DIVIDE",
      "multiply both sides by 0.5: y = 4    | MULTIPLY",
      "Swap sides: n = 7                    | SWAP",
      "Swap the sides: n = 7                | SWAP"
  })
  void readsEveryOperation(String text, Operation expected) {
    assertThat(operation(text).operation().operation()).isEqualTo(expected);
  }

  @Test
  void readsTheAnswer() {
    assertThat(StepParser.parse("Answer: x = -2.5")).isEqualTo(new AnswerLine("x", -2.5));
    assertThat(StepParser.parse("Final answer: y = 4")).isEqualTo(new AnswerLine("y", 4));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3x = 15                                 | false | no ':'",
      "Simplify: 3x = 15                       | false | not one of the allowed operations",
      "Subtract 5 from both sides: 3x = 15y    | false | mixes the unknowns",
      "Subtract 5 from both sides: x^2 = 15    | false | cannot read",
      "Divide both sides by 0: x = 1           | false | non-zero",
      "Divide both sides by x: 3 = 15          | false | non-zero",
      "Subtract 5 from both sides: 3x + = 15   | false | cannot read",
      "Answer: 5                               | true  | must read",
      "Answer: 2x = 10                         | true  | must read"
  })
  void linesOutsideTheFormatAreUnreadableWithAReason(String text, boolean answer, String reason) {
    assertThat(StepParser.parse(text)).isInstanceOfSatisfying(UnreadableLine.class, u -> {
      assertThat(u.answer()).isEqualTo(answer);
      assertThat(u.reason()).contains(reason);
    });
  }
}
