package io.stepcache.spi.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one ranking of verifications: what a repair must redo first, then the number of findings. */
class VerificationSeverityTest {

  private static final Finding F = new Finding("X", "wrong");

  private static Verification failing(Map<Integer, Integer> findingsPerStep, int outputFindings) {
    Map<Integer, List<Finding>> steps = new java.util.TreeMap<>();
    findingsPerStep.forEach((i, n) -> steps.put(i, Collections.nCopies(n, F)));
    return new Verification(steps, Collections.nCopies(outputFindings, F));
  }

  private static final Verification PASSED = failing(Map.of(), 0);

  @Test
  void aPassIsTheLeastSevereAndOnlyAPassIsSeverityZero() {
    assertThat(Verification.SEVERITY.compare(PASSED, failing(Map.of(), 1))).isNegative();
    assertThat(Verification.SEVERITY.compare(PASSED, failing(Map.of(0, 1), 0))).isNegative();
    assertThat(Verification.SEVERITY.compare(PASSED, failing(Map.of(), 0))).isZero();
  }

  @Test
  void failingStepsAndAFailingOutputCountFirstThenFindings() {
    Verification oneStepTwoFindings = failing(Map.of(0, 2), 0);
    Verification twoStepsOneFindingEach = failing(Map.of(0, 1, 1, 1), 0);
    Verification oneStepOneFinding = failing(Map.of(3, 1), 0);
    Verification outputOnlyThreeFindings = failing(Map.of(), 3);
    assertThat(twoStepsOneFindingEach.worseThan(oneStepTwoFindings)).isTrue();
    assertThat(oneStepTwoFindings.worseThan(oneStepOneFinding)).isTrue();
    // the output as a whole counts once, like one failing step
    assertThat(outputOnlyThreeFindings.worseThan(oneStepTwoFindings)).isTrue();
    assertThat(failing(Map.of(0, 1), 1).worseThan(outputOnlyThreeFindings)).isTrue();
    assertThat(oneStepOneFinding.worseThan(failing(Map.of(0, 1), 0))).isFalse();
    assertThat(Verification.SEVERITY.compare(oneStepOneFinding, failing(Map.of(0, 1), 0))).isZero();

    List<Verification> all = new ArrayList<>(List.of(twoStepsOneFindingEach, outputOnlyThreeFindings, PASSED,
        oneStepTwoFindings, oneStepOneFinding));
    all.sort(Verification.SEVERITY);
    assertThat(all).containsExactly(PASSED, oneStepOneFinding, oneStepTwoFindings, outputOnlyThreeFindings,
        twoStepsOneFindingEach);
  }
}
