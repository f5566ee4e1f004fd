package io.stepcache.packs.json.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepMergeTest {

  private static final Finding F = new Finding("X", "x");

  private static Draft reused(String text) {
    return new Draft(text, StepOrigin.REUSED);
  }

  @Test
  void replacesFailingKeysDropsRepeatsAndAppendsNewKeys() {
    List<Draft> steps = List.of(reused("\"a\": 1"), reused("\"b\": 2"), reused("\"a\": 3"), reused("\"c\": 4"));
    Verification v = new Verification(Map.of(1, List.of(F), 2, List.of(F)), List.of());
    List<Draft> merged = StepMerge.byKey(steps, v, List.of("\"b\": 5", "\"a\": 6", "\"d\": 7", "\"z\": 0"), List.of("a", "b", "d"));
    assertThat(merged).containsExactly(
        reused("\"a\": 1"),
        new Draft("\"b\": 5", StepOrigin.REPAIRED),
        reused("\"c\": 4"),
        new Draft("\"d\": 7", StepOrigin.REPAIRED));
  }

  @Test
  void keepsAFailingRequestedKeyTheAnswerLeftOutAndAnUnchangedAnswer() {
    List<Draft> steps = List.of(reused("\"a\": 1"), reused("\"b\": 2"));
    Verification v = new Verification(Map.of(0, List.of(F), 1, List.of(F)), List.of());
    assertThat(StepMerge.byKey(steps, v, List.of("\"b\": 2"), List.of("a", "b"))).isEqualTo(steps);
  }

  @Test
  void wholeObjectKeepsOriginsOfUnchangedSteps() {
    List<Draft> steps = List.of(reused("\"a\": 1"), reused("\"b\": 2"));
    assertThat(StepMerge.whole(steps, List.of("\"b\": 2", "\"a\": 3")))
        .containsExactly(reused("\"b\": 2"), new Draft("\"a\": 3", StepOrigin.REPAIRED));
  }
}
