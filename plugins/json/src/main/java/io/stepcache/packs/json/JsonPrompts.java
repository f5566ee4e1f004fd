package io.stepcache.packs.json;

import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.Member;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.TaskRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The full-generation prompt (keys, schema if any, source text, "Answer with only the JSON
 * object"), and the confirmation prompt: the focused prompt for the keys of the steps to confirm.
 * The focused prompt is phrased differently from the full one and shows only the keys and the
 * source text, never the values to confirm, so an agreeing answer is independent evidence.
 */
final class JsonPrompts implements PromptBuilder {

  @Override
  public String fullPrompt(TaskRequest request) {
    return ExtractionPrompts.full(ExtractionTask.of(request));
  }

  /**
   * {@link ExtractionPrompts#focused} for the requested keys that {@code steps} hold, in the
   * request's key order; the full prompt when no step has a key the request names.
   */
  @Override
  public String confirmationPrompt(TaskRequest request, List<String> steps) {
    ExtractionTask task = ExtractionTask.of(request);
    Set<String> stepKeys = new HashSet<>();
    for (String step : steps) {
      String key = Member.parse(step).key();
      if (key != null) {
        stepKeys.add(key);
      }
    }
    List<KeySpec> keys = task.keys().stream().filter(k -> stepKeys.contains(k.name())).toList();
    return keys.isEmpty() ? ExtractionPrompts.full(task) : ExtractionPrompts.focused(keys, task.prompt().sourceText());
  }
}
