package io.stepcache.engine.backend.sim;

/**
 * The part of a prompt a model extracts from, for errors that copy another span of it. Pack
 * prompts put their source text either in a {@code <text>} ... {@code </text>} block (the json
 * pack's full prompt) or after a line {@code Text:} (its focused prompt); the simulator knows no
 * pack, so it looks for those two markers and otherwise takes the whole prompt.
 */
final class SourceText {

  static final String OPEN = "<text>";
  static final String CLOSE = "</text>";
  static final String TEXT_LINE = "Text:";

  private SourceText() {}

  /**
   * The inside of the last {@code <text>} ... {@code </text>} block, else everything after the first
   * line that reads {@code Text:}, else the whole prompt.
   */
  static String of(String prompt) {
    int open = prompt.lastIndexOf(OPEN);
    if (open >= 0) {
      int close = prompt.indexOf(CLOSE, open + OPEN.length());
      if (close >= 0) {
        return prompt.substring(open + OPEN.length(), close).strip();
      }
    }
    String[] lines = prompt.split("\n", -1);
    int offset = 0;
    for (String line : lines) {
      offset += line.length() + 1;
      if (line.strip().equals(TEXT_LINE)) {
        return offset >= prompt.length() ? "" : prompt.substring(offset);
      }
    }
    return prompt;
  }
}
