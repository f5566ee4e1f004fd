package io.stepcache.packs.json.prompt;

import io.stepcache.packs.json.request.KeySpec;
import io.stepcache.packs.json.text.StrictJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a prompt written by {@link ExtractionPrompts} back into its keys and source text. */
public final class PromptReader {

  private static final Pattern KEY_LINE = Pattern.compile("^- (\".*\"): ([\\w|]+), (required|optional)$");
  private static final Pattern FOCUSED_KEY_LINE =
      Pattern.compile("^(" + ExtractionPrompts.BARE_KEY.pattern() + "|\".*\")(?:: ([\\w|]+))?$");

  /**
   * What a pack prompt asks for.
   *
   * @param keys the keys to answer with, types and required flags included (keys of a focused
   *     prompt count as required)
   * @param sourceText the text to extract from
   */
  public record Reading(List<KeySpec> keys, String sourceText) {
    public Reading {
      keys = List.copyOf(keys);
    }
  }

  private PromptReader() {}

  /** The keys and text of one of the pack's prompts; empty for any other prompt. */
  public static Optional<Reading> read(String prompt) {
    List<String> lines = Arrays.asList(prompt.split("\n", -1));
    String header = lines.get(0).strip();
    if (header.equals(ExtractionPrompts.FULL_HEADER)) {
      return readFull(prompt, lines);
    }
    if (header.equals(ExtractionPrompts.FOCUSED_HEADER)) {
      return readFocused(lines);
    }
    return Optional.empty();
  }

  private static Optional<Reading> readFull(String prompt, List<String> lines) {
    int open = prompt.indexOf("\n" + ExtractionPrompts.TEXT_OPEN + "\n");
    int close = prompt.lastIndexOf("\n" + ExtractionPrompts.TEXT_CLOSE + "\n");
    int keysAt = lines.indexOf(ExtractionPrompts.KEYS_LINE);
    if (open < 0 || close < open || keysAt < 0) {
      return Optional.empty();
    }
    String text = prompt.substring(open + ExtractionPrompts.TEXT_OPEN.length() + 2, close);
    List<KeySpec> keys = new ArrayList<>();
    for (String line : lines.subList(keysAt + 1, lines.size())) {
      Matcher m = KEY_LINE.matcher(line);
      if (!m.matches()) {
        break;
      }
      Optional<String> key = quotedKey(m.group(1));
      if (key.isEmpty()) {
        return Optional.empty();
      }
      keys.add(new KeySpec(key.get(), types(m.group(2)), m.group(3).equals("required")));
    }
    return Optional.of(new Reading(keys, text));
  }

  /** Key lines up to the {@code Text:} line; the source text is everything after it. */
  private static Optional<Reading> readFocused(List<String> lines) {
    int textAt = lines.indexOf(ExtractionPrompts.FOCUSED_TEXT_LINE);
    if (textAt < 2) {
      return Optional.empty();
    }
    List<KeySpec> keys = new ArrayList<>();
    for (String line : lines.subList(1, textAt)) {
      Matcher m = FOCUSED_KEY_LINE.matcher(line);
      if (!m.matches()) {
        return Optional.empty();
      }
      Optional<String> key = m.group(1).startsWith("\"") ? quotedKey(m.group(1)) : Optional.of(m.group(1));
      if (key.isEmpty()) {
        return Optional.empty();
      }
      keys.add(new KeySpec(key.get(), m.group(2) == null ? List.of() : types(m.group(2)), true));
    }
    String text = String.join("\n", lines.subList(textAt + 1, lines.size()));
    return Optional.of(new Reading(keys, text));
  }

  private static Optional<String> quotedKey(String json) {
    return StrictJson.value(json).filter(String.class::isInstance).map(String.class::cast);
  }

  private static List<String> types(String label) {
    return label.equals("any") ? List.of() : List.of(label.split("\\|"));
  }
}
