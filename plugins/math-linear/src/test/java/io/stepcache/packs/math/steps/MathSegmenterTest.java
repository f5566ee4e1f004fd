package io.stepcache.packs.math.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.spi.TaskRequest;
import org.junit.jupiter.api.Test;

class MathSegmenterTest {

  private final MathSegmenter segmenter = new MathSegmenter();
  private final TaskRequest request = TaskRequest.of("Solve 3x + 5 = 20");

  @Test
  void oneStepPerLine() {
    String output = "Subtract 5 from both sides: 3x = 15\nDivide both sides by 3: x = 5\nAnswer: x = 5";
    assertThat(segmenter.segment(output, request))
        .containsExactly("Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
  }

  @Test
  void dropsChatterBlankLinesAndDecoration() {
    String output = String.join("\n",
        "Sure! Here is the solution:",
        "",
        "**Step 1:** Subtract 5 from both sides: 3x = 15",
        "- Step 2. Divide both sides by 3:   x = 5.",
        "",
        "1) **Answer: x = 5**",
        "Hope this helps, let me know if you have questions!");
    assertThat(segmenter.segment(output, request))
        .containsExactly("Subtract 5 from both sides: 3x = 15", "Divide both sides by 3: x = 5", "Answer: x = 5");
  }

  @Test
  void keepsLinesWithAnOperationOrAnEquationEvenIfTheyDoNotFollowTheFormat() {
    String output = "We start from 3x + 5 = 20\n* Divide both sides by\nThat is all";
    assertThat(segmenter.segment(output, request))
        .containsExactly("We start from 3x + 5 = 20", "Divide both sides by");
  }

  @Test
  void windowsLineEndingsAndNumberedLists() {
    String output = "1. Swap sides: x + 5 = 12\r\n2. Subtract 5 from both sides: x = 7\r\n3. Final answer: x = 7\r\n";
    assertThat(segmenter.segment(output, request))
        .containsExactly("Swap sides: x + 5 = 12", "Subtract 5 from both sides: x = 7", "Final answer: x = 7");
  }

  @Test
  void nothingRecognisableGivesNoSteps() {
    assertThat(segmenter.segment("I am not sure how to answer that.", request)).isEmpty();
  }
}
