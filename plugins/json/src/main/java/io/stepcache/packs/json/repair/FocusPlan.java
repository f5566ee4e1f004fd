package io.stepcache.packs.json.repair;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.Member;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a focused key repair keeps, drops and asks for, read from the steps and their verification.
 *
 * <ul>
 *   <li>kept: every passing step (the first one of its key);
 *   <li>dropped without a model call: failing steps whose key the request does not name (a schema
 *       drop, a renamed key), steps without a readable key, later steps of a key already kept;
 *   <li>asked for: the requested keys that have a failing step and no passing one, and the required
 *       keys no step holds, in the request's key order.
 * </ul>
 *
 * There is no plan (the whole object must be regenerated) when an output finding is not about
 * single keys, e.g. a schema error of the object itself.
 */
final class FocusPlan {

  /**
   * Output findings that single keys explain: a missing key, steps that break the object
   * (JSON_INVALID; ANSWER_MISSING from the host's shared rules: no answer could be read), or no
   * steps at all (OUTPUT_EMPTY: every required key is asked for).
   */
  private static final Set<String> KEY_LEVEL_OUTPUT_CODES =
      Set.of("JSON_REQUIRED_KEY_MISSING", "JSON_INVALID", "ANSWER_MISSING", "OUTPUT_EMPTY");

  private final ExtractionTask task;
  private final Map<String, Draft> kept;
  private final List<KeySpec> ask;
  private final boolean dropsSomething;

  private FocusPlan(ExtractionTask task, Map<String, Draft> kept, List<KeySpec> ask, boolean dropsSomething) {
    this.task = task;
    this.kept = kept;
    this.ask = List.copyOf(ask);
    this.dropsSomething = dropsSomething;
  }

  /** The plan for {@code steps}, or empty when an output finding is not about single keys. */
  static Optional<FocusPlan> of(ExtractionTask task, List<Draft> steps, Verification verification) {
    boolean keyLevel = verification.outputFailures().stream()
        .map(Finding::code)
        .allMatch(KEY_LEVEL_OUTPUT_CODES::contains);
    if (!keyLevel) {
      return Optional.empty();
    }
    Map<String, Draft> kept = new LinkedHashMap<>();
    List<String> failing = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String key = Member.parse(steps.get(i).text()).key();
      if (key == null) {
        continue;
      }
      if (verification.stepPassed(i)) {
        kept.putIfAbsent(key, steps.get(i));
      } else {
        failing.add(key);
      }
    }
    List<KeySpec> ask = new ArrayList<>();
    for (KeySpec key : task.keys()) {
      if (!kept.containsKey(key.name()) && (key.required() || failing.contains(key.name()))) {
        ask.add(key);
      }
    }
    boolean drops = kept.size() < steps.size();
    return Optional.of(new FocusPlan(task, kept, ask, drops));
  }

  /** The keys to ask the model for, in the request's order; empty when dropping is enough. */
  List<KeySpec> keysToAsk() {
    return ask;
  }

  /** True when the plan changes the steps even without a model call. */
  boolean dropsSomething() {
    return dropsSomething;
  }

  /**
   * The kept steps and the model's steps for asked keys ({@link StepOrigin#REGENERATED}), in the
   * request's key order; kept steps of keys the request does not name (a schema that allows other
   * keys) follow in their old order. An asked key the answer lacks stays missing.
   *
   * @param answered the answer's step per asked key
   */
  List<Draft> merge(Map<String, String> answered) {
    List<Draft> out = new ArrayList<>();
    for (KeySpec key : task.keys()) {
      Draft keep = kept.get(key.name());
      if (keep != null) {
        out.add(keep);
      } else if (answered.containsKey(key.name()) && ask.contains(key)) {
        out.add(new Draft(answered.get(key.name()), StepOrigin.REGENERATED));
      }
    }
    kept.forEach((key, draft) -> {
      if (task.key(key).isEmpty()) {
        out.add(draft);
      }
    });
    return out;
  }
}
