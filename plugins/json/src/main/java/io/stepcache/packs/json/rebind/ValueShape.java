package io.stepcache.packs.json.rebind;

import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a string read from a new source text looks like the same kind of value as the cached
 * one: a name for a name, an e-mail address for an e-mail address. Deliberately strict: a false
 * "no" costs one small model call, a false "yes" could serve a wrong value.
 */
final class ValueShape {

  private ValueShape() {}

  /**
   * True when {@code fresh} is one clean line (no surrounding whitespace, no control characters)
   * with as many words as {@code old}, letters exactly when {@code old} has letters, and no symbol
   * (anything but letters, digits and whitespace) that {@code old} lacks.
   */
  static boolean sameShape(String old, String fresh) {
    if (fresh.isEmpty() || !fresh.strip().equals(fresh) || fresh.chars().anyMatch(Character::isISOControl)) {
      return false;
    }
    return words(old) == words(fresh)
        && hasLetter(old) == hasLetter(fresh)
        && symbols(old).containsAll(symbols(fresh));
  }

  private static int words(String s) {
    return s.strip().split("\\s+").length;
  }

  private static boolean hasLetter(String s) {
    return s.chars().anyMatch(Character::isLetter);
  }

  private static Set<Integer> symbols(String s) {
    Set<Integer> out = new TreeSet<>();
    s.codePoints()
        .filter(c -> !Character.isLetterOrDigit(c) && !Character.isWhitespace(c))
        .forEach(out::add);
    return out;
  }
}
