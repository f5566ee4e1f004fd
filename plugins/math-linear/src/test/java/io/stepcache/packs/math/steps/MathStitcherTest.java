package io.stepcache.packs.math.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MathStitcherTest {

  private final MathStitcher stitcher = new MathStitcher();
  private final TaskRequest request = TaskRequest.of("Solve 2t + 1 = 6");
  private final Signature signature = new Signature("linear:v*a+b=c", Map.of(), Map.of());

  @Test
  void joinsStepsWithNewlines() {
    assertThat(stitcher.stitch(List.of("a: 1 = 1", "b: 2 = 2"), request)).isEqualTo("a: 1 = 1\nb: 2 = 2");
  }

  @Test
  void answerIsAJsonObjectWithTheUnknownsNameAndACanonicalNumber() {
    List<String> steps = List.of("Subtract 1 from both sides: 2t = 5", "Divide both sides by 2: t = 2.5",
        "Answer: t = 2.50");
    assertThat(stitcher.answerJson(steps, request, signature)).isEqualTo("{\"t\":2.5}");
    assertThat(stitcher.answerJson(List.of("Answer: x = -4.0"), request, signature)).isEqualTo("{\"x\":-4}");
  }

  @Test
  void noAnswerLineGivesNull() {
    assertThat(stitcher.answerJson(List.of("Subtract 1 from both sides: 2t = 5"), request, signature)).isNull();
    assertThat(stitcher.answerJson(List.of("Answer: five"), request, signature)).isNull();
  }
}
