package io.stepcache.packs.json.prompt;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.StrictJson;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the pack's two prompts; {@link PromptReader} reads both back.
 *
 * <p>The full prompt (MISS, SKIP, fresh generation):
 *
 * <pre>
 * Extract a JSON object from the text below.
 * Instruction: Extract name and age as JSON from
 * Keys:
 * - "name": string, required
 * - "age": any, required
 * JSON Schema:            (only with a schema)
 * &lt;schema&gt;...&lt;/schema&gt;
 * Text:
 * &lt;text&gt;
 * Alice Smith is 31 years old.
 * &lt;/text&gt;
 * Answer with only the JSON object, one key per line. ...
 * </pre>
 *
 * <p>The focused prompt (focused key repair): only the keys to extract again, each with its schema
 * types ({@code any} is left out), and the source text as the rest of the prompt; no instruction,
 * schema, findings or previous answer. Its overhead over the source text is 22 tokens plus about 4
 * per typed key (1 to 2 per untyped one), so under 40 tokens for up to 4 keys:
 *
 * <pre>
 * Extract these keys from the text as a JSON object (null if absent):
 * age: integer
 * "home city"
 * Text:
 * Alice Smith is 31 years old.
 * </pre>
 */
public final class ExtractionPrompts {

  /** First line of a full extraction prompt. */
  public static final String FULL_HEADER = "Extract a JSON object from the text below.";
  /** First line of a focused prompt that asks for some keys only. */
  public static final String FOCUSED_HEADER = "Extract these keys from the text as a JSON object (null if absent):";

  static final String TEXT_OPEN = "<text>";
  static final String TEXT_CLOSE = "</text>";
  static final String KEYS_LINE = "Keys:";
  static final String FOCUSED_TEXT_LINE = "Text:";
  /** Keys written without quotes in the focused prompt. */
  static final Pattern BARE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final String ANSWER_RULES =
      " Use JSON types (numbers unquoted), copy values from the text, and use null for a value the text"
          + " does not give.";

  private ExtractionPrompts() {}

  /** The prompt for a full generation (MISS and SKIP paths, fresh generation). */
  public static String full(ExtractionTask task) {
    StringBuilder sb = new StringBuilder(512);
    sb.append(FULL_HEADER).append('\n');
    sb.append("Instruction: ").append(task.prompt().instruction().replaceAll("\\s+", " ")).append('\n');
    sb.append(KEYS_LINE).append('\n');
    for (KeySpec key : task.keys()) {
      sb.append("- ").append(StrictJson.quote(key.name())).append(": ").append(key.typeLabel())
          .append(", ").append(key.required() ? "required" : "optional").append('\n');
    }
    if (task.schema() != null) {
      sb.append("JSON Schema:\n<schema>\n").append(task.schema().text()).append("\n</schema>\n");
    }
    sb.append("Text:\n").append(TEXT_OPEN).append('\n').append(task.prompt().sourceText()).append('\n')
        .append(TEXT_CLOSE).append('\n');
    return sb.append("Answer with only the JSON object, one key per line.").append(ANSWER_RULES).toString();
  }

  /**
   * The focused prompt: extract {@code keys} (at least one) from {@code sourceText}, nothing else.
   * A key is written bare when it is an identifier, else as a JSON string; {@code : <types>}
   * follows when the schema constrains its type.
   */
  public static String focused(List<KeySpec> keys, String sourceText) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a focused prompt needs at least one key");
    }
    StringBuilder sb = new StringBuilder(96 + sourceText.length());
    sb.append(FOCUSED_HEADER).append('\n');
    for (KeySpec key : keys) {
      sb.append(BARE_KEY.matcher(key.name()).matches() ? key.name() : StrictJson.quote(key.name()));
      if (!key.types().isEmpty()) {
        sb.append(": ").append(key.typeLabel());
      }
      sb.append('\n');
    }
    return sb.append(FOCUSED_TEXT_LINE).append('\n').append(sourceText).toString();
  }
}
