package io.stepcache.bench.stream;

import io.stepcache.spi.Signature;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskRequest;
import java.util.List;

/** Joins the elements back into the JSON array; the array is also the final answer once every element is a string. */
final class LinesStitcher implements Stitcher {

  @Override
  public String stitch(List<String> steps, TaskRequest request) {
    return "[" + String.join(", ", steps) + "]";
  }

  @Override
  public String answerJson(List<String> steps, TaskRequest request, Signature signature) {
    for (int i = 0; i < steps.size(); i++) {
      if (!new LineStep(i, steps.get(i), -1).isJsonString()) {
        return null;
      }
    }
    return steps.isEmpty() ? null : stitch(steps, request);
  }
}
