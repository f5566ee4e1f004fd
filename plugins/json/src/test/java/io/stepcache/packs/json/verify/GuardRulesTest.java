package io.stepcache.packs.json.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Finding;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reuse guard: a key (by name) whose schema type changes is not reused. */
class GuardRulesTest {

  private static final String PROMPT = "Extract the person as JSON: Alice Smith, 31";
  private static PackTestKit kit;

  @BeforeAll
  static void startKit() {
    kit = PackTestKit.forPack(new JsonTaskPack()).build();
  }

  @AfterAll
  static void closeKit() {
    kit.close();
  }

  private static Signature withAgeType(String type) {
    String schema = "{\"properties\": {\"name\": {\"type\": \"string\"}, \"age\": {\"type\": \"" + type + "\"}}}";
    return kit.loaded().analyser().analyse(JsonOptions.request(PROMPT, schema, List.of()));
  }

  private static List<String> skipCodes(Signature cached, Signature fresh) {
    return kit.guard(cached, fresh).skipReasons().stream().map(Finding::code).toList();
  }

  @Test
  void changedTypeOfAKeyPositionSkips() {
    assertThat(skipCodes(withAgeType("integer"), withAgeType("string"))).containsExactly("JSON_SCHEMA_SHAPE_CHANGED");
  }

  @Test
  void sameTypesOrAnUntypedCachedSideAreReused() {
    assertThat(skipCodes(withAgeType("integer"), withAgeType("integer"))).isEmpty();
    Signature untyped = kit.loaded().analyser().analyse(JsonOptions.request(PROMPT, null, List.of("name", "age")));
    assertThat(skipCodes(untyped, withAgeType("integer"))).isEmpty();
  }

  @Test
  void aTypedCachedKeyIsNotReusedForAnUntypedRequest() {
    // the cached value may be the string "31" a string-typed request asked for
    Signature untyped = kit.loaded().analyser().analyse(JsonOptions.request(PROMPT, null, List.of("name", "age")));
    assertThat(skipCodes(withAgeType("string"), untyped)).isNotEmpty().containsOnly("JSON_SCHEMA_SHAPE_CHANGED");
  }

  @Test
  void addedKeyPositionsAreNotAShapeChange() {
    Signature two = kit.loaded().analyser().analyse(TaskRequest.of("Extract name and age as JSON from: Alice, 31"));
    Signature three = kit.loaded().analyser().analyse(TaskRequest.of("Extract name, age and city as JSON from: Alice, 31, Paris"));
    assertThat(skipCodes(two, three)).isEmpty();
  }

  @Test
  void keysAreComparedByNameNotByPosition() {
    // "age" moves from the second to the first position and keeps its type: no shape change; before,
    // positions were compared, and string "name" against integer "age" looked like a type change
    String cachedSchema = "{\"properties\": {\"name\": {\"type\": \"string\"}, \"age\": {\"type\": \"integer\"}}}";
    String freshSchema = "{\"properties\": {\"age\": {\"type\": \"integer\"}, \"name\": {\"type\": \"string\"}}}";
    Signature cached = kit.loaded().analyser().analyse(JsonOptions.request(PROMPT, cachedSchema, List.of()));
    Signature fresh = kit.loaded().analyser().analyse(JsonOptions.request(PROMPT, freshSchema, List.of()));
    assertThat(skipCodes(cached, fresh)).isEmpty();
    String retyped = "{\"properties\": {\"age\": {\"type\": \"string\"}, \"name\": {\"type\": \"string\"}}}";
    assertThat(skipCodes(cached, kit.loaded().analyser().analyse(JsonOptions.request(PROMPT, retyped, List.of()))))
        .containsExactly("JSON_SCHEMA_SHAPE_CHANGED");
  }
}
