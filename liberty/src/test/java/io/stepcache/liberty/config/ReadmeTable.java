package io.stepcache.liberty.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the settings table of liberty/README.md: {@code | `key` / `.other` | `a` / b | meaning |}
 * rows, where {@code .other} is a sibling of the first key, {@code prefix.{a,b}} names several keys
 * with one default, and {@code (none)} means unset.
 */
final class ReadmeTable {

  static final String HEADING = "## Settings (MicroProfile Config)";

  private ReadmeTable() {}

  /** Key to default as the README writes it (backticks removed), for every row of the table. */
  static Map<String, String> defaults(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.equals(HEADING);
        continue;
      }
      if (!inSection || !line.startsWith("| `stepcache.")) {
        continue;
      }
      String[] cells = line.split("\\|");
      List<String> keys = keys(cells[1].trim());
      if (keys.isEmpty()) {
        continue; // a pattern such as stepcache.pack.<id>.<key>
      }
      String[] values = cells[2].trim().split(" / ");
      if (values.length != 1 && values.length != keys.size()) {
        throw new IllegalStateException("README row with " + keys.size() + " keys and " + values.length
            + " defaults: " + line);
      }
      for (int i = 0; i < keys.size(); i++) {
        out.put(keys.get(i), unquote(values[values.length == 1 ? 0 : i]));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no settings table under '" + HEADING + "'");
    }
    return out;
  }

  private static List<String> keys(String cell) {
    List<String> keys = new ArrayList<>();
    String first = null;
    for (String part : cell.split(" / ")) {
      String k = unquote(part);
      if (k.contains("<")) {
        return List.of();
      }
      if (k.startsWith(".")) {
        k = first.substring(0, first.lastIndexOf('.')) + k;
      } else if (first == null) {
        first = k;
      }
      int brace = k.indexOf('{');
      if (brace >= 0) {
        for (String name : k.substring(brace + 1, k.indexOf('}')).split(",")) {
          keys.add(k.substring(0, brace) + name.trim());
        }
      } else {
        keys.add(k);
      }
    }
    return keys;
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.startsWith("`") && t.endsWith("`") ? t.substring(1, t.length() - 1) : t;
  }
}
