package io.stepcache.packs.math.rebind;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.math.MathAnalyser;
import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.packs.math.solve.LinearSolver;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionRebinderTest {

  private final ExpressionRebinder rebinder = new ExpressionRebinder();

  private static Signature signature(String prompt) {
    return new MathAnalyser().analyse(TaskRequest.of(prompt));
  }

  private static List<String> solve(String prompt) {
    Problem p = ProblemReader.read(prompt);
    return LinearSolver.steps(p.equation(), p.variable());
  }

  private List<String> abstractAll(String prompt) {
    Signature s = signature(prompt);
    return solve(prompt).stream().map(step -> rebinder.abstractStep(step, s)).toList();
  }

  private List<String> instantiateAll(List<String> templates, String prompt) {
    Signature s = signature(prompt);
    return templates.stream().map(t -> rebinder.instantiate(t, s)).toList();
  }

  @Test
  void everyNumberBecomesTheOneExpressionThatProducesIt() {
    assertThat(abstractAll("Solve 3x + 4 = 19")).containsExactly(
        "Subtract {{b}} from both sides: {{a}}{{var}} = {{c-b}}",
        "Divide both sides by {{a}}: {{var}} = {{(c-b)/a}}",
        "Answer: {{var}} = {{(c-b)/a}}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Solve 2y - 7 = 3", "What value of t satisfies 4t - 2.5 = 9.5?",
      "Calculate z given 0.5z + 1 = 4", "Solve -3x + 1 = 7", "Solve 3x + 4 = 19"})
  void newConstantsGiveTheCorrectSteps(String prompt) {
    List<String> templates = abstractAll("Solve 3x + 4 = 19");
    assertThat(instantiateAll(templates, prompt)).isEqualTo(solve(prompt));
  }

  @Test
  void signsAreTidiedWhenAConstantChangesSign() {
    List<String> templates = abstractAll("Solve 3x + 4 = 19");
    assertThat(instantiateAll(templates, "Solve 2y - 7 = 3")).containsExactly(
        "Add 7 to both sides: 2y = 10", "Divide both sides by 2: y = 5", "Answer: y = 5");
  }

  @Test
  void ambiguousNumbersTakeTheExpressionThatKeepsTheStepTrueForOtherConstants() {
    Signature s = signature("Solve 3x + 3 = 18");
    // a = b = 3: only "subtract b" still follows from the problem, only "a·x" keeps its solution.
    assertThat(rebinder.abstractStep("Subtract 3 from both sides: 3x = 15", s))
        .isEqualTo("Subtract {{b}} from both sides: {{a}}{{var}} = {{c-b}}");
    // Dividing by b would also keep the solution; dividing by a keeps 3x = 15 the problem itself.
    assertThat(rebinder.abstractStep("Divide both sides by 3: x = 5", s))
        .isEqualTo("Divide both sides by {{a}}: {{var}} = {{(c-b)/a}}");
  }

  @Test
  void numbersWhoseRoleCannotBeToldApartStayLiteral() {
    // The solution is 0, so the input 19x = 0 of the division lacks a constant only by chance:
    // no expression for the 0 keeps every fact about the step, and it stays literal.
    Signature s = signature("Solve 19x - 18 = -18");
    assertThat(rebinder.abstractStep("Divide both sides by 19: x = 0", s))
        .isEqualTo("Divide both sides by {{a}}: {{var}} = 0");
  }

  @Test
  void aCoefficientThatChangesSignFollowsTheNewConstants() {
    // The brief's CONSTANTS case: 3y - 40 = 8y and 3y + 8 = 4y in both directions, with the
    // bare -y of -y + 8 = 0 templated as a coefficient.
    assertThat(abstractAll("Solve 3y + 8 = 4y")).containsExactly(
        "Subtract {{c}}{{var}} from both sides: {{a-c}}{{var}} + {{b}} = 0",
        "Subtract {{b}} from both sides: {{a-c}}{{var}} = {{-b}}",
        "Divide both sides by {{a-c}}: {{var}} = {{(d-b)/(a-c)}}",
        "Answer: {{var}} = {{(d-b)/(a-c)}}");
    for (String[] pair : new String[][] {
        {"Solve 3y - 40 = 8y", "Solve 3y + 8 = 4y"}, {"Solve 3y + 8 = 4y", "Solve 3y - 40 = 8y"},
        {"Solve 3y - 40 = 8y", "Solve 7y - 12 = 3y"}, {"Solve 7y - 12 = 3y", "Solve 3y + 22 = 5y"},
        {"Solve 4y - 6 = 2y + 16", "Solve 6y + 12 = 2y - 12"}, {"Solve 4y - 6 = 2y + 16", "Solve 3y + 24 = 6y + 27"}}) {
      assertThat(instantiateAll(abstractAll(pair[0]), pair[1])).as(pair[0] + " -> " + pair[1]).isEqualTo(solve(pair[1]));
    }
  }

  @Test
  void skeletonStepsNameTheCoefficientsOfTheExpandedEquation() {
    // 7(y - 15) = -147 expands to 7y - 105 = -147: a = 7, b = -105, c = 0, d = -147.
    assertThat(abstractAll("Given 7(y - 15) = -147, find y.")).containsExactly(
        "Add {{-b}} to both sides: {{n1}}{{var}} = {{d-b}}",
        "Divide both sides by {{n1}}: {{var}} = {{(d-b)/(a-c)}}",
        "Answer: {{var}} = {{(d-b)/(a-c)}}");
    for (String[] pair : new String[][] {
        {"Given 7(y - 15) = -147, find y.", "Given 7(y - 26) = -245, find y."},
        {"Given 7(y - 15) = -147, find y.", "Given 2(y - 8) = -28, find y."},
        {"What value of x satisfies x/8 + 21 = 24?", "What value of x satisfies x/4 + 25 = 34?"},
        {"Find x if 7(x + 2) = 4x + 17.", "Find x if 4(x + 25) = 5x + 96."},
        {"Solve 7z - 14 = -5 - 58", "Solve 5z - 26 = -4 - 5"}}) {
      assertThat(instantiateAll(abstractAll(pair[0]), pair[1])).as(pair[0] + " -> " + pair[1]).isEqualTo(solve(pair[1]));
    }
  }

  @Test
  void numbersNoExpressionProducesStayLiteral() {
    Signature s = signature("Solve 3x + 4 = 19");
    assertThat(rebinder.abstractStep("Multiply both sides by 7: 21x + 28 = 133", s))
        .isEqualTo("Multiply both sides by 7: 21{{var}} + 28 = 133");
  }

  @Test
  void renamedVariableFollows() {
    List<String> templates = abstractAll("Solve for n: 12 = 5 + n");
    assertThat(templates).containsExactly(
        "Swap sides: {{var}} + {{b}} = {{c}}",
        "Subtract {{b}} from both sides: {{var}} = {{c-b}}",
        "Answer: {{var}} = {{c-b}}");
    assertThat(instantiateAll(templates, "Find m if 20 = 8 + m"))
        .containsExactly("Swap sides: m + 8 = 20", "Subtract 8 from both sides: m = 12", "Answer: m = 12");
  }

  @Test
  void unknownOnBothSidesUsesTheTwoSidedExpressions() {
    List<String> templates = abstractAll("Solve 7x + 4 = 2x + 19");
    assertThat(templates).containsExactly(
        "Subtract {{c}}{{var}} from both sides: {{a-c}}{{var}} + {{b}} = {{d}}",
        "Subtract {{b}} from both sides: {{a-c}}{{var}} = {{d-b}}",
        "Divide both sides by {{a-c}}: {{var}} = {{(d-b)/(a-c)}}",
        "Answer: {{var}} = {{(d-b)/(a-c)}}");
    assertThat(instantiateAll(templates, "Solve 4k - 1 = 2k + 8")).isEqualTo(solve("Solve 4k - 1 = 2k + 8"));
    assertThat(instantiateAll(templates, "Solve 3x + 2 = 4x - 5")).isEqualTo(solve("Solve 3x + 2 = 4x - 5"));
  }

  @Test
  void coefficientsOfOneAndMinusOneAreWrittenAsTheUnknownAlone() {
    Signature s = signature("Solve -x + 5 = 2");
    assertThat(rebinder.instantiate("Divide both sides by {{a}}: {{a}}{{var}} = {{c-b}}", s))
        .isEqualTo("Divide both sides by -1: -x = -3");
    assertThat(rebinder.instantiate("{{a}}{{var}} + {{b}} = {{c}}", signature("Solve 1x + 5 = 2")))
        .isEqualTo("x + 5 = 2");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Solve 3x + 4 = 19", "Find y if 7 = 2y - 3", "If 2x + 3 = x - 4, what is x?", "Solve 2(x + 3) = 10",
      "Solve 0.3x + 0.1 = 0.7", "Solve 3x = 10", "Solve 5 - x = 2", "Solve 2x + 3 = 5x - 4"})
  void templatesRoundTripForTheirOwnSignature(String prompt) {
    Signature s = signature(prompt);
    for (String step : solve(prompt)) {
      assertThat(rebinder.instantiate(rebinder.abstractStep(step, s), s)).isEqualTo(step);
    }
  }

  @Test
  void textWithoutPlaceholdersIsReturnedAsIs() {
    String step = "Divide both sides by 3: x = 5";
    assertThat(rebinder.instantiate(step, signature("Solve 3x + 4 = 19"))).isSameAs(step);
  }
}
