package io.stepcache.packs.json.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lexical scanning of JSON text that may be broken: balanced-object search and top-level member
 * splitting, aware of strings and escapes but not validating values.
 */
public final class JsonScan {

  private JsonScan() {}

  /**
   * The end (exclusive) of the object that starts with the {@code '{'} at {@code start}, or -1
   * when it is never closed.
   */
  public static int objectEnd(String text, int start) {
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * The top-level members of a balanced object text (from its {@code '{'} to its {@code '}'}),
   * each trimmed; empty members (a trailing comma) are left out.
   */
  public static List<String> members(String objectText) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    int from = 1;
    int end = objectText.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = objectText.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        addMember(out, objectText.substring(from, i));
        from = i + 1;
      }
    }
    addMember(out, objectText.substring(from, end));
    return out;
  }

  /**
   * The end (exclusive) of the JSON string literal starting at {@code start} (which must be a
   * {@code '"'}), or empty when it is never closed.
   */
  static Optional<Integer> stringEnd(String text, int start) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }

  private static void addMember(List<String> out, String member) {
    String trimmed = member.strip();
    if (!trimmed.isEmpty()) {
      out.add(trimmed);
    }
  }
}
