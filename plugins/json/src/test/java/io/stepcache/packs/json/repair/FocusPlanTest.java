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

class FocusPlanTest {

  private static final ExtractionTask TASK =
      ExtractionTask.of(TaskRequest.of("Extract name, age and city as JSON from: Alice, 31, Rome"));
  private static final Finding F = new Finding("JSON_VALUE_NOT_GROUNDED", "x");

  private static List<Draft> steps(String... texts) {
    return List.of(texts).stream().map(t -> new Draft(t, StepOrigin.REUSED)).toList();
  }

  private static Optional<List<String>> ask(List<Draft> steps, Verification v) {
    return FocusPlan.of(TASK, steps, v).map(p -> p.keysToAsk().stream().map(KeySpec::name).toList());
  }

  @Test
  void asksForFailingAndMissingKeysWhateverHowManyPass() {
    List<Draft> three = steps("\"name\": \"Alice\"", "\"age\": 31", "\"city\": \"Paris\"");
    assertThat(ask(three, new Verification(Map.of(2, List.of(F)), List.of()))).contains(List.of("city"));
    assertThat(ask(three, new Verification(Map.of(0, List.of(F), 1, List.of(F), 2, List.of(F)), List.of())))
        .contains(List.of("name", "age", "city"));

    Verification missing = new Verification(Map.of(1, List.of(F)), List.of(new Finding("JSON_REQUIRED_KEY_MISSING", "city")));
    assertThat(ask(steps("\"name\": \"Alice\"", "\"age\": 30"), missing)).contains(List.of("age", "city"));
    assertThat(ask(List.of(), new Verification(Map.of(), List.of(new Finding("OUTPUT_EMPTY", "")))))
        .contains(List.of("name", "age", "city"));
  }

  @Test
  void stepsWithoutAReadableKeyAreDroppedAndTheirKeysAskedForAsMissing() {
    Verification v = new Verification(Map.of(0, List.of(F)),
        List.of(new Finding("JSON_INVALID", "x"), new Finding("JSON_REQUIRED_KEY_MISSING", "name")));
    assertThat(ask(steps("no key here", "\"age\": 31", "\"city\": \"Rome\""), v)).contains(List.of("name"));
  }

  @Test
  void aPassingStepOfAKeyIsKeptAndItsFailingRepeatDropped() {
    List<Draft> steps = steps("\"name\": \"Alice\"", "\"age\": 31", "\"city\": \"Rome\"", "\"age\": 32");
    FocusPlan plan = FocusPlan.of(TASK, steps, new Verification(Map.of(3, List.of(F)), List.of())).orElseThrow();
    assertThat(plan.keysToAsk()).isEmpty();
    assertThat(plan.dropsSomething()).isTrue();
    assertThat(plan.merge(Map.of())).containsExactly(steps.get(0), steps.get(1), steps.get(2));
  }

  @Test
  void noPlanWhenAnOutputFindingIsNotAboutSingleKeys() {
    List<Draft> three = steps("\"name\": \"Alice\"", "\"age\": 31", "\"city\": \"Rome\"");
    assertThat(ask(three, new Verification(Map.of(), List.of(new Finding("JSON_SCHEMA_VIOLATION", "minProperties")))))
        .isEmpty();
    assertThat(ask(three, new Verification(Map.of(), List.of(new Finding("TOO_MANY_STEPS", "x"))))).isEmpty();
  }

  @Test
  void anUnresolvedStepIsAskedForByItsKey() {
    List<Draft> steps = steps("\"name\": \"Alice\"", "\"age\": <unresolved>", "\"city\": \"Rome\"");
    Verification v = new Verification(Map.of(1, List.of(new Finding("JSON_VALUE_NOT_REGROUNDED", "age"))),
        List.of(new Finding("JSON_INVALID", "")));
    assertThat(ask(steps, v)).contains(List.of("age"));
  }
}
