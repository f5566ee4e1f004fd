package io.stepcache.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.checkpoint.CheckpointPolicy;
import io.stepcache.checkpoint.CheckpointSettings;
import io.stepcache.engine.backend.Tokens;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepCheckpointsTest {

  /** Four steps of very different lengths: boundaries far from evenly spaced. */
  private static final List<String> STEPS = List.of(
      "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu",
      "one",
      "two three",
      "nu xi omicron pi rho sigma tau upsilon phi chi psi omega");

  private static StepCheckpoints with(CheckpointPolicy policy, int budget) {
    return new StepCheckpoints(CheckpointSettings.defaults().with(policy, budget));
  }

  @Test
  void plannedPlacesStateWherePatchesStopAndNothingBeforeAnyPatch() {
    StepCheckpoints planned = with(CheckpointPolicy.PLANNED, 1);
    assertThat(planned.choose("p", STEPS)).isEmpty();
    int afterThree = StepCheckpoints.tokens(STEPS, 3);
    for (int i = 0; i < 20; i++) {
      planned.observe("p", afterThree);
    }
    planned.observe("p", StepCheckpoints.tokens(STEPS, 1));
    assertThat(planned.observations("p")).isEqualTo(21);
    assertThat(planned.choose("p", STEPS)).containsExactly(3);
    assertThat(with(CheckpointPolicy.PLANNED, 1).choose("other", STEPS)).isEmpty();
  }

  @Test
  void baselinesMoveDownToStepBoundaries() {
    int first = (int) Tokens.count(STEPS.get(0));
    // evenly spaced with M = 1 puts its position at half the answer, inside step 2..4
    List<Integer> even = with(CheckpointPolicy.EVENLY_SPACED, 1).choose("p", STEPS);
    assertThat(even).hasSize(1);
    assertThat(StepCheckpoints.tokens(STEPS, even.get(0)))
        .isLessThanOrEqualTo(StepCheckpoints.tokens(STEPS, 4) / 2)
        .isGreaterThanOrEqualTo(first);
    // blocks smaller than the first step land on no boundary at all
    StepCheckpoints tinyBlocks = new StepCheckpoints(new CheckpointSettings(CheckpointPolicy.EVERY_BLOCK, 1, 1, 4096));
    assertThat(tinyBlocks.choose("p", STEPS)).isEmpty();
    StepCheckpoints blocks = new StepCheckpoints(new CheckpointSettings(CheckpointPolicy.EVERY_BLOCK, 8, first, 4096));
    assertThat(blocks.choose("p", STEPS)).startsWith(1).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void noneAndZeroBudgetKeepNothing() {
    assertThat(with(CheckpointPolicy.NONE, 4).choose("p", STEPS)).isEmpty();
    StepCheckpoints planned = with(CheckpointPolicy.PLANNED, 0);
    planned.observe("p", 5);
    assertThat(planned.choose("p", STEPS)).isEmpty();
  }
}
