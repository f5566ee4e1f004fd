package io.stepcache.bench.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * The segmentation rule of the streaming benchmark: the elements of a JSON array of strings, each
 * as its JSON text (quotes and escapes included), read from a possibly partial answer. A started
 * element that is not closed yet is the last one returned (without its closing quote), so an
 * element is complete once the next one has begun: {@code ["a", "b} gives {@code "a"} (complete)
 * and {@code "b} (partial). Reading stops quietly at the first thing that is not part of an array
 * of strings (the rules then see what was read); a text that does not start with {@code [} has no
 * elements.
 *
 * <p>The same rule measures both sides of the benchmark: the pack's segmenter inside StepCache and
 * the direct call's raw stream.
 */
public final class JsonArrayElements {

  private JsonArrayElements() {}

  /** The elements of {@code text} so far, in order, each non-empty and without surrounding blanks. */
  public static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    int i = skipBlanks(text, 0);
    if (i >= text.length() || text.charAt(i) != '[') {
      return out;
    }
    i++;
    while (true) {
      i = skipBlanks(text, i);
      if (i >= text.length() || text.charAt(i) != '"') {
        return out; // end of the text so far, the end of the array, or not a string
      }
      int end = stringEnd(text, i);
      if (end < 0) {
        out.add(text.substring(i).strip());
        return out;
      }
      out.add(text.substring(i, end));
      i = skipBlanks(text, end);
      if (i >= text.length() || text.charAt(i) != ',') {
        return out;
      }
      i++;
    }
  }

  /** How many elements of {@code text} are complete: all but a last one that the next has not followed yet. */
  public static int complete(String text) {
    return Math.max(0, of(text).size() - 1);
  }

  /** The index after the closing quote of the string starting at {@code start}, or -1 when it is not closed yet. */
  private static int stringEnd(String text, int start) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++; // the escaped character, whatever it is
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  private static int skipBlanks(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\n' || text.charAt(i) == '\r'
        || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
