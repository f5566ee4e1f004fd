package io.stepcache.bench.stream;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.spi.RequestOptions;
import io.stepcache.spi.TaskRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The streaming benchmark's request: N short lines as a JSON array of strings, constrained by a
 * JSON Schema that the OpenAI backend sends as {@code response_format: json_schema} (llama-server
 * turns it into a grammar, so random weights still write N well-delimited elements). Element i
 * must match {@code ^L<i> [a-z ]{1,maxChars}$}: the prefix keeps every element distinct (the shared
 * rules fail a step that repeats an earlier one), the character class keeps them short.
 *
 * @param lines elements asked for (1..64)
 * @param maxChars most characters after each element's {@code L<i> } prefix
 * @param failAt the element whose step the rules fail on purpose, or -1 (the "pass" variant)
 */
public record LinesTask(int lines, int maxChars, int failAt) {

  /** The pack's id. */
  public static final String TASK = LinesPack.ID;
  /** Option: how many elements (a number). */
  public static final String LINES = "lines";
  /** Option: the element index the rules fail (a number); absent in the pass variant. */
  public static final String FAIL_AT = "failAt";

  public LinesTask {
    if (lines < 1 || lines > 64) {
      throw new IllegalArgumentException("lines must be in 1..64, got " + lines);
    }
    if (maxChars < 1 || maxChars > 200) {
      throw new IllegalArgumentException("maxChars must be in 1..200, got " + maxChars);
    }
    if (failAt < -1 || failAt >= lines) {
      throw new IllegalArgumentException("failAt must be -1 (none) or in 0.." + (lines - 1) + ", got " + failAt);
    }
  }

  /** The same task with another failing index (-1: none). */
  public LinesTask failingAt(int index) {
    return new LinesTask(lines, maxChars, index);
  }

  /** The JSON Schema of the answer, as JSON text. */
  public String schemaJson() {
    StringBuilder items = new StringBuilder();
    for (int i = 1; i <= lines; i++) {
      items.append(i == 1 ? "" : ",")
          .append(String.format(Locale.ROOT, "{\"type\":\"string\",\"pattern\":\"^L%d [a-z ]{1,%d}$\"}", i, maxChars));
    }
    return "{\"type\":\"array\",\"prefixItems\":[" + items + "],\"minItems\":" + lines + ",\"maxItems\":" + lines + "}";
  }

  /** The options the pack reads: the schema, the number of lines and, in the fail variant, the failing index. */
  public RequestOptions options() {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put(TaskRequest.SCHEMA, schemaJson());
    o.put(LINES, lines);
    if (failAt >= 0) {
      o.put(FAIL_AT, failAt);
    }
    return RequestOptions.of(o);
  }

  /** The engine request for {@code prompt} (temperature 0, the configured output limit). */
  public CompletionRequest request(String prompt, String tenant) {
    return new CompletionRequest(prompt, TASK, tenant, options(), null, 0.0, null);
  }

  /** The request as the pack sees it. */
  public TaskRequest taskRequest(String prompt) {
    return new TaskRequest(prompt, options());
  }
}
