package io.stepcache.packs.json.verify;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One row of {@link KeySemantics}.
 *
 * @param name the semantic's name, e.g. {@code year}
 * @param words the head words of keys that have it
 * @param implausible why a value is clearly not of this kind, or empty
 * @param determined why the value is the only one of its kind in the source text (so no other
 *     answer would pass), or empty
 */
record Semantic(
    String name,
    Set<String> words,
    Function<ValueSite, Optional<String>> implausible,
    Function<ValueSite, Optional<String>> determined) {

  /** For classes whose values cannot be listed exhaustively in a text: never determined. */
  static final Function<ValueSite, Optional<String>> NEVER = site -> Optional.empty();

  Semantic {
    words = Set.copyOf(words);
  }
}
