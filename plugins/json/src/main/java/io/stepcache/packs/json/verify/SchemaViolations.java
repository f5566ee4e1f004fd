package io.stepcache.packs.json.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.json.JSONObject;

/**
 * Runs Everit on an answer object and flattens its report into one violation per leaf error, each
 * tied to the top-level key it is about where that can be told: from the JSON pointer ({@code
 * #/age}), or for errors on the object itself from Everit's message ("extraneous key [x]",
 * "required key [x]").
 */
final class SchemaViolations {

  private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[(.*)] is not permitted");
  private static final Pattern REQUIRED = Pattern.compile("required key \\[(.*)] not found");

  private SchemaViolations() {}

  static List<SchemaViolation> of(Schema schema, JSONObject answer) {
    try {
      schema.validate(answer);
      return List.of();
    } catch (ValidationException e) {
      List<SchemaViolation> out = new ArrayList<>();
      collect(e, out);
      return out;
    }
  }

  private static void collect(ValidationException e, List<SchemaViolation> out) {
    if (!e.getCausingExceptions().isEmpty()) {
      e.getCausingExceptions().forEach(cause -> collect(cause, out));
      return;
    }
    String pointer = e.getPointerToViolation();
    if (pointer != null && pointer.startsWith("#/")) {
      out.add(new SchemaViolation(firstSegment(pointer), null, e.getMessage()));
    } else if ("additionalProperties".equals(e.getKeyword())) {
      out.add(new SchemaViolation(named(EXTRANEOUS, e.getErrorMessage()), null, e.getMessage()));
    } else if ("required".equals(e.getKeyword())) {
      out.add(new SchemaViolation(null, named(REQUIRED, e.getErrorMessage()), e.getMessage()));
    } else {
      out.add(new SchemaViolation(null, null, e.getMessage()));
    }
  }

  /** {@code #/address/city} gives {@code address}. */
  private static String firstSegment(String pointer) {
    String first = pointer.substring(2).split("/", -1)[0];
    return first.replace("~1", "/").replace("~0", "~");
  }

  private static String named(Pattern pattern, String message) {
    Matcher m = pattern.matcher(message);
    return m.find() ? m.group(1) : null;
  }
}
