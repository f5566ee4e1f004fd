package io.stepcache.packs.json.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's answer: inside a code fence when there is one, otherwise
 * anywhere in the text, skipping chatter before and after.
 */
public final class ObjectLocator {

  private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*[ \\t]*\\n?(.*?)```", Pattern.DOTALL);

  private ObjectLocator() {}

  /**
   * The top-level members of the first balanced object whose members all start with a quoted key
   * and a colon; empty when the text holds no such object (nothing, unbalanced braces, no keys).
   */
  public static Optional<List<String>> members(String text) {
    for (String candidate : candidates(text)) {
      Optional<List<String>> found = firstKeyedObject(candidate);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static List<String> candidates(String text) {
    List<String> out = new ArrayList<>();
    Matcher fence = FENCE.matcher(text);
    while (fence.find()) {
      out.add(fence.group(1));
    }
    out.add(text);
    return out;
  }

  /**
   * Balanced objects that hold no keyed members (chatter such as "{see below}") are skipped; an
   * object that never closes ends the search, so a fragment nested in a broken object is never
   * mistaken for the answer.
   */
  private static Optional<List<String>> firstKeyedObject(String text) {
    int start = text.indexOf('{');
    while (start >= 0) {
      int end = JsonScan.objectEnd(text, start);
      if (end < 0) {
        return Optional.empty();
      }
      List<String> members = JsonScan.members(text.substring(start, end));
      if (!members.isEmpty() && members.stream().allMatch(m -> Member.parse(m).key() != null)) {
        return Optional.of(members);
      }
      start = text.indexOf('{', end);
    }
    return Optional.empty();
  }
}
