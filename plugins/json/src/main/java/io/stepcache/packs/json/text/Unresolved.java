package io.stepcache.packs.json.text;

/**
 * The step a cached value becomes when it cannot be found again unambiguously in a new source
 * text: {@code "rating": <unresolved>}. It keeps the key (so the focused repair asks the model for
 * exactly that key) and is deliberately no JSON value, so it can never be served as an answer; the
 * rules fail it with {@code JSON_VALUE_NOT_REGROUNDED}. Reusing the literal cached value instead
 * would be a guess: "rating 6" still occurs in a new text that says "out of 6".
 */
public final class Unresolved {

  /** The value text of an unresolved step. */
  public static final String VALUE = "<unresolved>";

  private Unresolved() {}

  /** The unresolved step of {@code key}. */
  public static String step(String key) {
    return StrictJson.quote(key) + ": " + VALUE;
  }

  /** True when {@code member} is an unresolved step (a key and the {@link #VALUE} text). */
  public static boolean is(Member member) {
    return member.key() != null && VALUE.equals(member.rawValue());
  }
}
