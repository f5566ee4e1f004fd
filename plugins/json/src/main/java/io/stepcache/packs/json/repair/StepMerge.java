package io.stepcache.packs.json.repair;

import io.stepcache.packs.json.text.Member;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Puts a repair answer's steps together with the steps that were there before. */
final class StepMerge {

  private StepMerge() {}

  /**
   * Key-by-key merge. Passing steps stay as they are; a failing step takes the answer's step for
   * its key (or stays when the answer has none for a requested key); failing steps for keys that
   * were not asked again (not requested, repeated) are dropped; keys the answer adds come last.
   *
   * @param requested the keys that were asked for again
   */
  static List<Draft> byKey(
      List<Draft> steps, Verification verification, List<String> answerSteps, List<String> requested) {
    Map<String, String> answer = new LinkedHashMap<>();
    for (String step : answerSteps) {
      String key = Member.parse(step).key();
      if (requested.contains(key)) {
        answer.putIfAbsent(key, step);
      }
    }
    List<Draft> out = new ArrayList<>();
    Set<String> emitted = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      Draft draft = steps.get(i);
      String key = Member.parse(draft.text()).key();
      boolean keep = verification.stepPassed(i) || (requested.contains(key) && !answer.containsKey(key));
      if (keep && emitted.add(key)) {
        out.add(draft);
      } else if (answer.containsKey(key) && emitted.add(key)) {
        out.add(replaced(draft, answer.get(key)));
      }
    }
    answer.forEach((key, step) -> {
      if (emitted.add(key)) {
        out.add(new Draft(step, StepOrigin.REPAIRED));
      }
    });
    return out;
  }

  /**
   * A whole new object: each answer step keeps the origin of an identical old step, and is
   * {@link StepOrigin#REPAIRED} when it changed.
   */
  static List<Draft> whole(List<Draft> steps, List<String> answerSteps) {
    List<Draft> out = new ArrayList<>();
    for (String step : answerSteps) {
      out.add(steps.stream()
          .filter(d -> d.text().equals(step))
          .findFirst()
          .orElse(new Draft(step, StepOrigin.REPAIRED)));
    }
    return out;
  }

  private static Draft replaced(Draft draft, String step) {
    return draft.text().equals(step) ? draft : new Draft(step, StepOrigin.REPAIRED);
  }
}
