package io.stepcache.packs.json.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepairScopeTest {

  private static final ExtractionTask TASK =
      ExtractionTask.of(TaskRequest.of("Extract name, age and city as JSON from: Alice, 31, Rome"));
  private static final Finding F = new Finding("JSON_VALUE_NOT_GROUNDED", "x");

  private static List<Draft> steps(String... texts) {
    return List.of(texts).stream().map(t -> new Draft(t, StepOrigin.REUSED)).toList();
  }

  private static Optional<List<String>> scope(List<Draft> steps, Verification v) {
    return RepairScope.keysToRepair(TASK, steps, v).map(keys -> keys.stream().map(KeySpec::name).toList());
  }

  @Test
  void failingAndMissingKeysWhenMostPass() {
    List<Draft> three = steps("\"name\": \"Alice\"", "\"age\": 31", "\"city\": \"Paris\"");
    assertThat(scope(three, new Verification(Map.of(2, List.of(F)), List.of()))).contains(List.of("city"));

    List<Draft> two = steps("\"name\": \"Alice\"", "\"age\": 31");
    Verification missing = new Verification(Map.of(), List.of(new Finding("JSON_REQUIRED_KEY_MISSING", "city")));
    assertThat(scope(two, missing)).contains(List.of("city"));
  }

  @Test
  void wholeObjectWhenHalfFailOrTheFindingIsNotAboutAKey() {
    List<Draft> two = steps("\"name\": \"Alice\"", "\"age\": 30");
    Verification ageFails = new Verification(
        Map.of(1, List.of(F)), List.of(new Finding("JSON_REQUIRED_KEY_MISSING", "city")));
    assertThat(scope(two, ageFails)).isEmpty();

    List<Draft> three = steps("\"name\": \"Alice\"", "\"age\": 31", "\"city\": \"Rome\"");
    assertThat(scope(three, new Verification(Map.of(), List.of(new Finding("JSON_SCHEMA_VIOLATION", "minProperties")))))
        .isEmpty();
    assertThat(scope(steps("no key here", "\"age\": 31", "\"city\": \"Rome\""), new Verification(Map.of(0, List.of(F)), List.of())))
        .isEmpty();
    assertThat(scope(List.of(), new Verification(Map.of(), List.of(new Finding("OUTPUT_EMPTY", "")))))
        .isEmpty();
  }
}
