package io.stepcache.packs.json.text;

import java.util.List;
import java.util.stream.Collectors;

/** Lays members out as a JSON object with one member per line, two spaces in. */
public final class PrettyObject {

  private PrettyObject() {}

  /** {@code {\n  m1,\n  m2\n}}, or {@code {}} for no members. */
  public static String of(List<String> members) {
    if (members.isEmpty()) {
      return "{}";
    }
    return members.stream().map(String::strip).collect(Collectors.joining(",\n  ", "{\n  ", "\n}"));
  }
}
