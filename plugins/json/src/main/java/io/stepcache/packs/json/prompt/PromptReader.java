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

  private static final List<String> HEADERS = List.of(
      ExtractionPrompts.FULL_HEADER, ExtractionPrompts.REPAIR_HEADER, ExtractionPrompts.PARTIAL_HEADER);
  private static final Pattern KEY_LINE = Pattern.compile("^- (\".*\"): ([\\w|]+), (required|optional)$");

  /**
   * What a pack prompt asks for.
   *
   * @param keys the keys to answer with, types and required flags included
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
    if (!HEADERS.contains(lines.get(0).strip())) {
      return Optional.empty();
    }
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
      Optional<Object> name = StrictJson.value(m.group(1));
      if (name.isEmpty() || !(name.get() instanceof String key)) {
        return Optional.empty();
      }
      List<String> types = m.group(2).equals("any") ? List.of() : List.of(m.group(2).split("\\|"));
      keys.add(new KeySpec(key, types, m.group(3).equals("required")));
    }
    return Optional.of(new Reading(keys, text));
  }
}
