package io.stepcache.packs.units.steps;

import io.stepcache.spi.Signature;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskRequest;
import java.util.List;

/** The final answer is the last {@code Answer:} step: {@code {"value": 3.10686, "unit": "mi"}}. */
public final class UnitStitcher implements Stitcher {

  @Override
  public String answerJson(List<String> steps, TaskRequest request, Signature signature) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      ParsedStep p = ParsedStep.parse(steps.get(i));
      if (p.kind() == StepKind.ANSWER) {
        String number = steps.get(i).replaceAll("(?i)^\\s*answer\\s*:\\s*", "").split("\\s+")[0];
        return "{\"value\":" + number + ",\"unit\":\"" + p.to() + "\"}";
      }
    }
    return null;
  }
}
