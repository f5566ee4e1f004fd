package io.stepcache.packs.math.prompt;

import io.stepcache.packs.math.problem.ProblemReader;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.TaskRequest;
import java.util.Objects;

/** The full-solution prompt: the problem, the operations allowed, and the exact line format. */
public final class MathPromptBuilder implements PromptBuilder {

  @Override
  public String fullPrompt(TaskRequest request) {
    String variable = Objects.requireNonNullElse(ProblemReader.read(request.prompt()).variable(), "x");
    return PromptFormat.FULL_INTRO + PromptFormat.problemAndFormat(request.prompt(), variable);
  }
}
