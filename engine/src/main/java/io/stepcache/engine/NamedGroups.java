package io.stepcache.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named groups as settings write them: {@code name=member,member;name=member,...} (model groups, tenant classes).
 */
public final class NamedGroups {

  private NamedGroups() {}

  /**
   * Each member to the name of its group; blank text: none.
   *
   * @param what what the members are, for messages ({@code model}, {@code tenant})
   * @throws IllegalArgumentException for a group without a name or members, or a member in two groups
   */
  public static Map<String, String> parse(String text, String what) {
    Map<String, String> of = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    for (String group : text.split(";")) {
      String[] nameAndMembers = group.split("=", 2);
      String name = nameAndMembers[0].strip();
      if (nameAndMembers.length != 2 || name.isEmpty() || nameAndMembers[1].isBlank()) {
        throw new IllegalArgumentException("a " + what + " group is written name=" + what + "," + what + "; got '"
            + group.strip() + "'");
      }
      for (String member : nameAndMembers[1].split(",")) {
        String m = member.strip();
        if (m.isEmpty() || of.putIfAbsent(m, name) != null) {
          throw new IllegalArgumentException("the " + what + " '" + m + "' of group '" + name
              + "' is empty or already in group '" + of.get(m) + "'");
        }
      }
    }
    return Collections.unmodifiableMap(of);
  }
}
