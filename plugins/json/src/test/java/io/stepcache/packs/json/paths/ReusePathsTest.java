package io.stepcache.packs.json.paths;

import static io.stepcache.spi.StepOrigin.GENERATED;
import static io.stepcache.spi.StepOrigin.REGENERATED;
import static io.stepcache.spi.StepOrigin.REUSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.TrustLevel;
import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MISS, REUSE, PATCH and SKIP through the real engine, rules and simulated model. */
class ReusePathsTest {

  private static final String ALICE = "Extract name and age as JSON from: \"Alice Smith is 31 years old.\"";

  private final PackTestKit kit = PackTestKit.forPack(new JsonTaskPack()).seed(42).build();

  @AfterEach
  void closeKit() {
    kit.close();
  }

  private static List<Object> origins(CompletionResult r) {
    return r.steps().stream().map(ServedStep::origin).map(Object.class::cast).toList();
  }

  private static CompletionRequest withSchema(String prompt, String schema) {
    return new CompletionRequest(prompt, "json", null, schema, List.of(), null, null, null);
  }

  @Test
  void missThenReuseOfTheSameRequest() {
    CompletionResult miss = kit.complete(ALICE);
    assertThat(miss.path()).isEqualTo(RequestPath.MISS);
    assertThat(miss.verified()).isTrue();
    assertThat(miss.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31}");
    assertThat(miss.output()).isEqualTo("{\n  \"name\": \"Alice Smith\",\n  \"age\": 31\n}");
    assertThat(origins(miss)).containsOnly(GENERATED);
    assertThat(kit.modelCalls()).isEqualTo(1);

    CompletionResult reuse = kit.complete(ALICE);
    assertThat(reuse.path()).isEqualTo(RequestPath.REUSE);
    assertThat(reuse.verified()).isTrue();
    assertThat(reuse.answerJson()).isEqualTo(miss.answerJson());
    assertThat(origins(reuse)).containsOnly(REUSED);
    assertThat(reuse.usage().totalTokens()).isZero();
    assertThat(kit.modelCalls()).isEqualTo(1);
  }

  @Test
  void rewordedInstructionIsReusedFromTheSimilarEntry() {
    kit.complete(ALICE);
    CompletionResult r = kit.complete("Please extract name and age as JSON from: \"Alice Smith is 31 years old.\"");
    assertThat(r.path()).isEqualTo(RequestPath.REUSE);
    assertThat(r.similarity()).isBetween(0.5, 0.999);
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31}");
    assertThat(kit.modelCalls()).isEqualTo(1);
  }

  @Test
  void renamedKeysAreAskedForAgainNeverGuessed() {
    kit.complete("Give me JSON (name, email) for this contact: name: Bob, email: bob@example.com");
    long before = kit.modelCalls();
    CompletionResult r = kit.complete("Give me JSON (fullName, mail) for this contact: full name: Bob, mail: bob@example.com");
    assertThat(r.path()).isEqualTo(RequestPath.PATCH);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"fullName\":\"Bob\",\"mail\":\"bob@example.com\"}");
    assertThat(kit.modelCalls() - before).isEqualTo(1);
  }

  // Regressions found by StepBench: positional key rebinding served another key's value as verified.
  private static final String CONTACT =
      "as JSON from: \"Contact Dana Costa at dana.costa@example.org or call +28 346 833 3334.\"";
  private static final String BOOK = "as JSON from: \"The novel Night Rain by Lena Garcia is set in Montreal and came out in 1998.\"";

  @Test
  void swappedKeysKeepTheirOwnValues() {
    kit.complete("Extract name, email and phone " + CONTACT);
    CompletionResult r = kit.complete("Extract name, phone and email " + CONTACT);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).contains("\"email\":\"dana.costa@example.org\"").contains("\"phone\":\"+28 346 833 3334\"");
  }

  @Test
  void aReplacedKeyNeverInheritsTheOldKeysValue() {
    kit.complete("Extract title, city and year " + BOOK);
    CompletionResult r = kit.complete("Extract title, author and year " + BOOK);
    assertThat(r.answerJson()).doesNotContain("\"author\":\"Montreal\"").doesNotContain("\"city\"");
    assertThat(r.steps())
        .filteredOn(s -> s.text().startsWith("\"author\""))
        .singleElement()
        .satisfies(s -> assertThat(s.origin()).isNotEqualTo(REUSED));
  }

  @Test
  void aDroppedKeyShiftsNothing() {
    kit.complete("Extract title, author and year " + BOOK);
    CompletionResult r = kit.complete("Extract title and year " + BOOK);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"title\":\"Night Rain\",\"year\":1998}");
  }

  @Test
  void aChangedValueIsReadFromTheNewTextWithoutAModelCall() {
    kit.complete("Extract name, age and city as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"");
    CompletionResult r = kit.complete("Extract name, age and city as JSON from: \"Alice Smith is 31 years old and lives in Rome.\"");
    assertThat(r.path()).isEqualTo(RequestPath.REUSE);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31,\"city\":\"Rome\"}");
    assertThat(origins(r)).containsExactly(REUSED, REUSED, REUSED);
    assertThat(kit.modelCalls()).isEqualTo(1);
  }

  @Test
  void everyChangedValueIsReadFromTheNewText() {
    kit.complete(ALICE);
    CompletionResult r = kit.complete("Extract name and age as JSON from: \"Bob Jones is 45 years old.\"");
    assertThat(r.path()).isEqualTo(RequestPath.REUSE);
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Bob Jones\",\"age\":45}");
    assertThat(kit.modelCalls()).isEqualTo(1);

    // and the re-grounded entry is reused in turn
    CompletionResult again = kit.complete("Extract name and age as JSON from: \"Eve Li is 27 years old.\"");
    assertThat(again.path()).isEqualTo(RequestPath.REUSE);
    assertThat(again.answerJson()).isEqualTo("{\"name\":\"Eve Li\",\"age\":27}");
    assertThat(kit.modelCalls()).isEqualTo(1);
  }

  @Test
  void valuesInAnotherContextAreUnresolvedAndAskedForWithOneFocusedCall() {
    kit.complete("Extract name, age and city as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"");
    CompletionResult r = kit.complete("Extract name, age and city as JSON from: \"Alice Smith, aged 31, moved to Rome.\"");
    assertThat(r.path()).isEqualTo(RequestPath.PATCH);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31,\"city\":\"Rome\"}");
    // no anchor frames a value in the new text: none is served as the literal cached value
    assertThat(origins(r)).containsExactly(REGENERATED, REGENERATED, REGENERATED);
    assertThat(kit.modelCalls()).isEqualTo(2);
    // the focused prompt: the source text (8 tokens) and the header, one key, "Text:"
    assertThat(r.usage().promptTokens()).isLessThan(40);
  }

  @Test
  void anAmbiguousContextLeavesTheValueUnresolvedAndTheFocusedRepairAsksForIt() {
    kit.complete("Extract name and city as JSON from: \"Alice Smith lives in Paris.\"");
    // "in " ... "." frames both "Rome and works in Oslo" and "Oslo": neither is taken
    CompletionResult r = kit.complete("Extract name and city as JSON from: \"Alice Smith lives in Rome and works in Oslo.\"");
    assertThat(r.path()).isEqualTo(RequestPath.PATCH);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"city\":\"Rome\"}");
    assertThat(origins(r)).containsExactly(REUSED, REGENERATED);
    assertThat(kit.modelCalls()).isEqualTo(2);
  }

  @Test
  void aCachedValueThatStillOccursInATwinTextIsNeverServedLiterally() {
    kit.complete("Extract the rating as JSON from: \"The Grand was rated 6 out of 6.\"");
    CompletionResult r = kit.complete("Extract the rating as JSON from: \"The Grand was rated 5 out of 6.\"");
    assertThat(r.path()).isNotEqualTo(RequestPath.REUSE);
    assertThat(r.steps()).noneSatisfy(s -> assertThat(s.origin()).isEqualTo(REUSED));
    assertThat(r.verified() && r.answerJson().contains("6")).isFalse();
  }

  @Test
  void patchAddsANewRequiredKey() {
    kit.complete("Extract name and age as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"");
    CompletionResult r = kit.complete(new CompletionRequest(
        "Extract name and age as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"",
        "json", null, null, List.of("name", "age", "city"), null, null, null));
    assertThat(r.path()).isEqualTo(RequestPath.PATCH);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31,\"city\":\"Paris\"}");
    assertThat(origins(r)).containsExactly(REUSED, REUSED, REGENERATED);
    assertThat(kit.modelCalls()).isEqualTo(2);
    // the reused keys were confirmed after the MISS; the new one is only grounded so far
    assertThat(r.steps()).extracting(ServedStep::verification)
        .containsExactly(TrustLevel.CONFIRMED, TrustLevel.CONFIRMED, TrustLevel.GROUNDED);
    assertThat(r.verification()).isEqualTo(TrustLevel.GROUNDED);
  }

  @Test
  void patchDropsAReusedKeyTheNewRequestNoLongerAsksFor() {
    kit.complete("Extract name, age and city as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"");
    CompletionResult r = kit.complete("Extract name and age as JSON from: \"Alice Smith is 31 years old and lives in Paris.\"");
    assertThat(r.path()).isEqualTo(RequestPath.PATCH);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":31}");
    assertThat(origins(r)).containsExactly(REUSED, REUSED);
    assertThat(kit.modelCalls()).isEqualTo(1);
  }

  @Test
  void skipWhenTheSchemaChangesTheTypeOfAKey() {
    String prompt = "Extract the person as JSON: Alice Smith is 31 years old.";
    String integerAge = "{\"properties\": {\"name\": {\"type\": \"string\"}, \"age\": {\"type\": \"integer\"}},"
        + " \"required\": [\"name\", \"age\"]}";
    kit.complete(withSchema(prompt, integerAge));
    CompletionResult r = kit.complete(withSchema(prompt, integerAge.replace("integer", "string")));
    assertThat(r.path()).isEqualTo(RequestPath.SKIP);
    assertThat(r.verified()).isTrue();
    assertThat(r.answerJson()).isEqualTo("{\"name\":\"Alice Smith\",\"age\":\"31\"}");
    assertThat(origins(r)).containsOnly(GENERATED);
    assertThat(kit.modelCalls()).isEqualTo(2);
  }
}
