package io.stepcache.packs.json.prompt;

import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.StrictJson;
import java.util.List;

/**
 * Writes the pack's prompts. All three share one layout that {@link PromptReader} reads back:
 *
 * <pre>
 * &lt;header line&gt;
 * Instruction: Extract name and age as JSON from
 * Keys:
 * - "name": string, required
 * - "age": any, required
 * JSON Schema:            (only with a schema)
 * &lt;schema&gt;...&lt;/schema&gt;
 * Problems:               (repairs only)
 * - ...
 * &lt;previous&gt;...&lt;/previous&gt;   (whole-object repair only)
 * Text:
 * &lt;text&gt;
 * Alice Smith is 31 years old.
 * &lt;/text&gt;
 * Answer with only the JSON object, one key per line. ...
 * </pre>
 */
public final class ExtractionPrompts {

  /** First line of a full extraction prompt. */
  public static final String FULL_HEADER = "Extract a JSON object from the text below.";
  /** First line of a prompt that repairs the whole object. */
  public static final String REPAIR_HEADER = "Correct the JSON object extracted from the text below.";
  /** First line of a prompt that asks again for some keys only. */
  public static final String PARTIAL_HEADER = "Extract only the keys listed below from the text below.";

  static final String TEXT_OPEN = "<text>";
  static final String TEXT_CLOSE = "</text>";
  static final String KEYS_LINE = "Keys:";

  private static final String ANSWER_RULES =
      " Use JSON types (numbers unquoted), copy values from the text, and use null for a value the text"
          + " does not give.";

  private ExtractionPrompts() {}

  /** The prompt for a full generation (MISS and SKIP paths, fresh generation). */
  public static String full(ExtractionTask task) {
    StringBuilder sb = head(FULL_HEADER, task, task.keys());
    return tail(sb, task, "Answer with only the JSON object, one key per line.");
  }

  /**
   * The prompt for repairing the whole object.
   *
   * @param problems the verification messages of the previous answer
   * @param previousAnswer the previous answer text
   */
  public static String repair(ExtractionTask task, List<String> problems, String previousAnswer) {
    StringBuilder sb = head(REPAIR_HEADER, task, task.keys());
    problems(sb, problems);
    sb.append("Previous answer:\n<previous>\n").append(previousAnswer.strip()).append("\n</previous>\n");
    return tail(sb, task, "Answer with only the corrected JSON object, one key per line.");
  }

  /**
   * The prompt for re-extracting some keys only.
   *
   * @param keys the keys to extract again
   * @param problems the verification messages of the previous answer
   */
  public static String partial(ExtractionTask task, List<KeySpec> keys, List<String> problems) {
    StringBuilder sb = head(PARTIAL_HEADER, task, keys);
    problems(sb, problems);
    return tail(sb, task, "Answer with only a JSON object holding exactly these keys, one key per line.");
  }

  private static StringBuilder head(String header, ExtractionTask task, List<KeySpec> keys) {
    StringBuilder sb = new StringBuilder(512);
    sb.append(header).append('\n');
    sb.append("Instruction: ").append(task.prompt().instruction().replaceAll("\\s+", " ")).append('\n');
    sb.append(KEYS_LINE).append('\n');
    for (KeySpec key : keys) {
      sb.append("- ").append(StrictJson.quote(key.name())).append(": ").append(key.typeLabel())
          .append(", ").append(key.required() ? "required" : "optional").append('\n');
    }
    if (task.schema() != null) {
      sb.append("JSON Schema:\n<schema>\n").append(task.schema().text()).append("\n</schema>\n");
    }
    return sb;
  }

  private static void problems(StringBuilder sb, List<String> problems) {
    sb.append("Problems:\n");
    problems.forEach(p -> sb.append("- ").append(p.replaceAll("\\s+", " ")).append('\n'));
  }

  private static String tail(StringBuilder sb, ExtractionTask task, String answerLine) {
    sb.append("Text:\n").append(TEXT_OPEN).append('\n').append(task.prompt().sourceText()).append('\n')
        .append(TEXT_CLOSE).append('\n');
    return sb.append(answerLine).append(ANSWER_RULES).toString();
  }
}
