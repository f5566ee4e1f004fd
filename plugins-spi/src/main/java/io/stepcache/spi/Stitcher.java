package io.stepcache.spi;

import java.util.List;

/** Joins steps into the answer text and reads the task's final answer out of them. */
public interface Stitcher {

  /** The answer text shown to the client. The default joins steps with newlines. */
  default String stitch(List<String> steps, TaskRequest request) {
    return String.join("\n", steps);
  }

  /**
   * The final answer as JSON text (e.g. {@code {"x":5}} or the extracted object), or {@code null}
   * when the steps hold none.
   */
  String answerJson(List<String> steps, TaskRequest request, Signature signature);
}
