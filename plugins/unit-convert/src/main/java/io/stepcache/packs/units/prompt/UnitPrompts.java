package io.stepcache.packs.units.prompt;

import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.TaskRequest;
import java.util.List;

/** The prompts of the pack: a full answer, and a corrected answer given the rules' findings. */
public final class UnitPrompts implements PromptBuilder {

  /** First line of every prompt of this pack (the oracle recognises its prompts by it). */
  public static final String HEADER = "Convert a quantity between units.";

  /** Marks the line that quotes the user's request. */
  public static final String REQUEST = "Request: ";

  @Override
  public String fullPrompt(TaskRequest request) {
    return HEADER + "\n"
        + "Answer in exactly three lines, numbers rounded to 6 significant digits, units as symbols (km, mi, kg, lb...):\n"
        + "1 <from> = <factor> <to>\n"
        + "<value> <from> × <factor> = <result> <to>\n"
        + "Answer: <result> <to>\n"
        + REQUEST + request.prompt().strip();
  }

  /** The full prompt plus what was wrong with the previous answer. */
  public String correctionPrompt(TaskRequest request, List<String> previous, List<String> findings) {
    StringBuilder b = new StringBuilder(fullPrompt(request));
    b.append("\nYour previous answer was:\n");
    previous.forEach(s -> b.append(s).append('\n'));
    b.append("It has these problems:\n");
    findings.forEach(f -> b.append("- ").append(f).append('\n'));
    b.append("Write the three lines again, correctly.");
    return b.toString();
  }
}
