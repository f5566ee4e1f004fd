package io.stepcache.packs.json.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.spi.TaskInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadedSchemaTest {

  @Test
  void readsPropertiesInTextOrderWithTypesAndRequired() {
    LoadedSchema schema = LoadedSchema.load("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object",
         "properties": {"name": {"type": "string"}, "age": {"type": ["integer", "null"]},
                        "b": {}, "a": {"type": "boolean"}},
         "required": ["name", "age"], "additionalProperties": false}""");
    assertThat(schema.properties()).containsExactly("name", "age", "b", "a");
    assertThat(schema.typesOf("age")).containsExactly("integer", "null");
    assertThat(schema.typesOf("b")).isEmpty();
    assertThat(schema.required()).containsExactly("name", "age");
    assertThat(schema.additionalPropertiesAllowed()).isFalse();
  }

  @Test
  void loadsDraft4And6() {
    assertThat(LoadedSchema.load("{\"$schema\": \"http://json-schema.org/draft-04/schema#\","
        + " \"properties\": {\"x\": {\"type\": \"number\", \"minimum\": 0, \"exclusiveMinimum\": true}}}").properties())
        .containsExactly("x");
    assertThat(LoadedSchema.load("{\"$schema\": \"http://json-schema.org/draft-06/schema#\","
        + " \"properties\": {\"x\": {\"const\": 1}}}").properties())
        .containsExactly("x");
  }

  @Test
  void rejectsTextThatIsNoJsonObject() {
    assertInvalid("{\"type\": \"object\",", "not a valid JSON object");
    assertInvalid("[1, 2]", "not a valid JSON object");
    assertInvalid("{'type': 'object'}", "not a valid JSON object");
  }

  @Test
  void rejectsSchemasEveritCannotLoad() {
    assertInvalid("{\"type\": \"objekt\"}", "cannot be loaded");
    assertInvalid("{\"properties\": {\"a\": {\"type\": 5}}}", "cannot be loaded");
    assertInvalid("{\"properties\": {\"a\": {\"$ref\": \"http://example.com/a.json\"}}}", "cannot be loaded");
  }

  @Test
  void rejectsSchemasOfSomethingElseThanAnObject() {
    assertInvalid("{\"type\": \"array\"}", "must describe an object");
  }

  @Test
  void acceptsTypeListsWithObject() {
    assertThat(LoadedSchema.load("{\"type\": [\"object\", \"null\"], \"required\": [\"a\"]}").required())
        .isEqualTo(List.of("a"));
  }

  private static void assertInvalid(String schema, String messagePart) {
    assertThatThrownBy(() -> LoadedSchema.load(schema))
        .isInstanceOfSatisfying(TaskInputException.class, e -> {
          assertThat(e.code()).isEqualTo("JSON_SCHEMA_INVALID");
          assertThat(e.getMessage()).contains(messagePart);
        });
  }
}
