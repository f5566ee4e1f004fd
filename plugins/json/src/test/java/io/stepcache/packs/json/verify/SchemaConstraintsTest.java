package io.stepcache.packs.json.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.packs.json.JsonTaskPack;
import io.stepcache.packs.json.request.JsonOptions;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Finding;
import io.stepcache.spi.verify.Verification;
import io.stepcache.testkit.PackTestKit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each value constraint of a schema (minimum, maximum, format, pattern, enum) fails the step of its key. */
class SchemaConstraintsTest {

  private static final String TEXT = "Extract the guest as JSON: Ann Lee, 17, ann@lee.org, booked 2024-02-30 room B7,"
      + " or 2024-02-03, class Gold; second mail ann at lee.";

  private static PackTestKit kit;

  @BeforeAll
  static void startKit() {
    kit = PackTestKit.forPack(new JsonTaskPack()).build();
  }

  @AfterAll
  static void closeKit() {
    kit.close();
  }

  private static List<String> codes(String property, String step) {
    String schema = "{\"type\": \"object\", \"properties\": {" + property + "}}";
    Verification v = kit.verify(JsonOptions.request(TEXT, schema, List.of()), List.of(step));
    return v.stepFailures().getOrDefault(0, List.of()).stream().map(Finding::code).toList();
  }

  @Test
  void minimum() {
    assertThat(codes("\"age\": {\"type\": \"integer\", \"minimum\": 18}", "\"age\": 17")).containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(codes("\"age\": {\"type\": \"integer\", \"minimum\": 17}", "\"age\": 17")).isEmpty();
  }

  @Test
  void maximum() {
    assertThat(codes("\"age\": {\"type\": \"integer\", \"maximum\": 16}", "\"age\": 17")).containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(codes("\"age\": {\"type\": \"integer\", \"maximum\": 17}", "\"age\": 17")).isEmpty();
  }

  @Test
  void format() {
    assertThat(codes("\"contact\": {\"type\": \"string\", \"format\": \"email\"}", "\"contact\": \"ann at lee\""))
        .containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(codes("\"contact\": {\"type\": \"string\", \"format\": \"email\"}", "\"contact\": \"ann@lee.org\"")).isEmpty();
    assertThat(codes("\"booked\": {\"type\": \"string\", \"format\": \"date\"}", "\"booked\": \"2024-02-30\""))
        .as("draft 7 date format").containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(codes("\"booked\": {\"type\": \"string\", \"format\": \"date\"}", "\"booked\": \"2024-02-03\"")).isEmpty();
  }

  @Test
  void pattern() {
    assertThat(codes("\"room\": {\"type\": \"string\", \"pattern\": \"^[A-Z][0-9]{2}$\"}", "\"room\": \"B7\""))
        .containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(codes("\"room\": {\"type\": \"string\", \"pattern\": \"^[A-Z][0-9]$\"}", "\"room\": \"B7\"")).isEmpty();
  }

  @Test
  void enumeration() {
    assertThat(codes("\"class\": {\"enum\": [\"Silver\", \"Bronze\"]}", "\"class\": \"Gold\"")).containsExactly("JSON_SCHEMA_VIOLATION");
    assertThat(codes("\"class\": {\"enum\": [\"Gold\", \"Bronze\"]}", "\"class\": \"Gold\"")).isEmpty();
  }
}
