package io.stepcache.liberty.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.checkpoint.Plan;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckpointPlanJsonTest {

  private static Plan plan(String json) {
    return CheckpointPlanJson.plan(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void uniformHistogramGetsEvenlySpacedCheckpoints() {
    // 4 bins of 64: (M+1) = 2 divides N/binSize = 4, so the single checkpoint goes to the middle.
    Plan p = plan("{\"histogram\": [1, 1, 1, 1], \"N\": 256, \"M\": 1, \"binSize\": 64}");
    assertThat(p.positions()).containsExactly(128);
    assertThat(p.savings()).isGreaterThan(0.49).isLessThan(0.51);
    JsonObject json = CheckpointPlanJson.toJson(p);
    assertThat(json.keySet()).contains("positions", "expectedCost", "savings");
  }

  @Test
  void samplesWorkInsteadOfAHistogram() {
    Plan p = plan("{\"samples\": [100, 100, 101, 99], \"N\": 256, \"M\": 1, \"binSize\": 1}");
    assertThat(p.positions()).hasSize(1);
    assertThat(p.positions().get(0)).isBetween(90, 100);
  }

  @Test
  void badInputIsRejectedWithCodes() {
    assertCode("{\"histogram\": [1], \"M\": 1}", ErrorCode.INVALID_REQUEST);
    assertCode("{\"histogram\": [1, -1], \"N\": 128, \"M\": 1}", ErrorCode.INVALID_REQUEST);
    assertCode("{\"histogram\": [1], \"samples\": [3], \"N\": 64, \"M\": 1}", ErrorCode.INVALID_REQUEST);
    assertCode("{\"histogram\": [1], \"N\": 64, \"M\": -1}", ErrorCode.INVALID_REQUEST);
    assertCode("{\"histogram\": \"1,2\", \"N\": 64, \"M\": 1}", ErrorCode.MALFORMED_REQUEST);
    assertCode("{\"samples\": [1.5], \"N\": 64, \"M\": 1}", ErrorCode.MALFORMED_REQUEST);
    assertCode("[1, 2]", ErrorCode.MALFORMED_REQUEST);
    assertCode("", ErrorCode.MALFORMED_REQUEST);
  }

  private static void assertCode(String json, ErrorCode code) {
    assertThatThrownBy(() -> plan(json))
        .isInstanceOf(StepCacheException.class)
        .satisfies(e -> assertThat(((StepCacheException) e).code()).isEqualTo(code));
  }
}
