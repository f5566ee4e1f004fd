package io.stepcache.packs.json;

import io.stepcache.packs.json.prompt.ExtractionPrompts;
import io.stepcache.packs.json.request.ExtractionTask;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.TaskRequest;

/** The full-generation prompt: keys, schema if any, source text, "Answer with only the JSON object". */
final class JsonPrompts implements PromptBuilder {

  @Override
  public String fullPrompt(TaskRequest request) {
    return ExtractionPrompts.full(ExtractionTask.of(request));
  }
}
