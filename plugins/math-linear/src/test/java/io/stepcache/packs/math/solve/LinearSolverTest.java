package io.stepcache.packs.math.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.LinearSide;
import io.stepcache.packs.math.problem.Problem;
import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.packs.math.verify.AnswerStep;
import io.stepcache.packs.math.verify.EquationStep;
import io.stepcache.packs.math.verify.MathFactProvider;
import io.stepcache.packs.math.verify.StepOutline;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinearSolverTest {

  private static List<String> solve(String prompt) {
    Problem p = ProblemReader.read(prompt);
    return LinearSolver.steps(p.equation(), p.variable());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Solve 3x + 5 = 20      | Subtract 5 from both sides: 3x = 15; Divide both sides by 3: x = 5; Answer: x = 5",
      "Calculate z given 0.5z + 1 = 4 | Subtract 1 from both sides: 0.5z = 3; Divide both sides by 0.5: z = 6; Answer: z = 6",
      "Solve -2x - 3 = 7      | Add 3 to both sides: -2x = 10; Divide both sides by -2: x = -5; Answer: x = -5",
      "If 2x + 3 = x - 4, what is x? | Subtract x from both sides: x + 3 = -4; Subtract 3 from both sides: x = -7; Answer: x = -7",
      "Solve 3x + 1 = -2x + 11 | Add 2x to both sides: 5x + 1 = 11; Subtract 1 from both sides: 5x = 10; Divide both sides by 5: x = 2; Answer: x = 2",
      "Find y if 7 = 2y - 3   | Swap sides: 2y - 3 = 7; Add 3 to both sides: 2y = 10; Divide both sides by 2: y = 5; Answer: y = 5",
      "Solve 3x = 10          | Divide both sides by 3: x = 3.333333333; Answer: x = 3.333333333",
      "Solve 4t - 2.5 = 9.5   | Add 2.5 to both sides: 4t = 12; Divide both sides by 4: t = 3; Answer: t = 3",
      "Solve x = 5            | Answer: x = 5",
      "Solve 5 = x            | Swap sides: x = 5; Answer: x = 5",
      "Solve 5 - x = 2        | Subtract 5 from both sides: -x = -3; Divide both sides by -1: x = 3; Answer: x = 3"
  })
  void writesCanonicalSteps(String prompt, String expected) {
    assertThat(solve(prompt)).containsExactly(expected.split("; "));
  }

  @Test
  void solutionComesFromTheLuDecomposition() {
    LinearEquation eq = new LinearEquation(new LinearSide(2, 3), new LinearSide(1, -4));
    assertThat(LinearSolver.solve(eq)).hasValue(-7.0);
  }

  @Test
  void degenerateEquationsAreNeverSolved() {
    LinearEquation noSolution = new LinearEquation(new LinearSide(3, 5), new LinearSide(3, 2));
    assertThat(LinearSolver.solve(noSolution)).isEmpty();
    assertThatThrownBy(() -> LinearSolver.steps(noSolution, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No unique solution");
  }

  @Test
  void stepsForRandomProblemsAlwaysVerify() {
    SplittableRandom random = new SplittableRandom(7);
    MathFactProvider facts = new MathFactProvider();
    Signature unused = new Signature("linear:", Map.of(), Map.of());
    for (int i = 0; i < 500; i++) {
      double a = nonZero(random);
      double c = random.nextBoolean() ? 0 : nonZero(random);
      if (a == c) {
        continue;
      }
      String prompt = "Solve " + a + "x + " + number(random) + " = " + c + "x + " + number(random);
      List<String> steps = solve(prompt);
      for (Object fact : facts.verificationFacts(TaskRequest.of(prompt), unused, steps, "", null)) {
        if (fact instanceof EquationStep s) {
          assertThat(s.isEquivalent()).as(prompt + " / " + s.getText()).isTrue();
          assertThat(s.isFollowsFromPrevious()).as(prompt + " / " + s.getText()).isTrue();
        } else if (fact instanceof AnswerStep s) {
          assertThat(s.isCorrect() && s.isDerived()).as(prompt + " / " + s.getText()).isTrue();
        } else if (fact instanceof StepOutline o) {
          assertThat(o.isAnswerLast()).isTrue();
        }
      }
    }
  }

  private static double nonZero(SplittableRandom random) {
    double v = number(random);
    return v == 0 ? 1 : v;
  }

  private static double number(SplittableRandom random) {
    double v = random.nextInt(-200, 201);
    return random.nextBoolean() ? v : v / 8;
  }
}
