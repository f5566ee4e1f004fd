package io.stepcache.packs.json.repair;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.Member;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a failed extraction can be repaired key by key: when every finding belongs to a
 * key (a failing step with a readable key, or a missing required key) and most steps pass. The
 * keys to ask for again are the requested keys among those; a failing step with a key the request
 * does not name needs no model call, it is dropped.
 */
final class RepairScope {

  /**
   * Output findings caused by single keys: a missing key, or a failing step that breaks the object
   * (JSON_INVALID here, ANSWER_MISSING from the host's shared rules: no answer could be read).
   */
  private static final Set<String> KEY_LEVEL_OUTPUT_CODES =
      Set.of("JSON_REQUIRED_KEY_MISSING", "JSON_INVALID", "ANSWER_MISSING");

  private RepairScope() {}

  /** The keys to re-extract, in request order; empty when the whole object must be repaired. */
  static Optional<List<KeySpec>> keysToRepair(ExtractionTask task, List<Draft> steps, Verification verification) {
    boolean outputFindingsAreKeyLevel = verification.outputFailures().stream()
        .map(Finding::code)
        .allMatch(KEY_LEVEL_OUTPUT_CODES::contains);
    if (steps.isEmpty() || !outputFindingsAreKeyLevel) {
      return Optional.empty();
    }
    Set<String> present = new HashSet<>();
    Set<String> failing = new HashSet<>();
    for (int i = 0; i < steps.size(); i++) {
      String key = Member.parse(steps.get(i).text()).key();
      if (key == null) {
        return Optional.empty();
      }
      present.add(key);
      if (!verification.stepPassed(i)) {
        failing.add(key);
      }
    }
    List<KeySpec> keys = new ArrayList<>();
    for (KeySpec key : task.keys()) {
      if (failing.contains(key.name()) || (key.required() && !present.contains(key.name()))) {
        keys.add(key);
      }
    }
    int passing = steps.size() - verification.failingSteps().size();
    boolean mostPass = passing > verification.failingSteps().size() + missing(keys, present);
    return mostPass ? Optional.of(keys) : Optional.empty();
  }

  private static long missing(List<KeySpec> keys, Set<String> present) {
    return keys.stream().filter(k -> !present.contains(k.name())).count();
  }
}
