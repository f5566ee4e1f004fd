package io.stepcache.packs.json.text;

import java.util.regex.Pattern;

/**
 * The one place for the words and signs around a value that say it is not the answer a sentence
 * gives: a negated or superseded value ("4, not 5", "(not 2)", "instead of 5", "rather than 5",
 * "no longer in Paris", "down from $55", "was 5, now 4"), the top of a scale ("4 out of 6", "4 of
 * 5", "4/5") and an aside in parentheses ("Alice Smith (31)"). Real models most often go wrong by
 * picking such a span of the right type, and the grounding check cannot tell it apart from the
 * right one.
 *
 * <p>A cue counts only right next to the value: the cue words, then at most two small function
 * words ("in", "the", "lives", ...), an opening parenthesis or a currency sign, then the value. "not far
 * from Paris" does not negate Paris. Stateless.
 */
public final class ContrastCues {

  /**
   * Words and signs that may stand between a cue and its value: a few function words and the
   * verbs of a place or an amount ("no longer lives in Paris", "not based in Rome", "was $55").
   */
  private static final String FILLER = "(?:\\s*[(\\[]?\\s*(?:(?:in|at|on|to|from|the|a|an|by|for|with|about"
      + "|lives?|works?|is|are|based|located|costs?)\\s+){0,2}[$€£¥]?\\s*)";
  private static final Pattern NEGATION_BEFORE = Pattern.compile(
      "(?iU)(?:\\bnot|n't|\\bno\\s+longer|\\binstead\\s+of|\\brather\\s+than|\\bformerly|\\bpreviously|\\boriginally"
          + "|\\bdown\\s+from|\\bup\\s+from|\\bonce\\s+was)" + FILLER + "$");
  private static final Pattern WAS_BEFORE = Pattern.compile("(?iU)\\bwas" + FILLER + "$");
  private static final Pattern NOW_AFTER = Pattern.compile("(?iU)^\\s*[,;]?\\s*(?:(?:and|but)\\s+)?(?:(?:is|it's)\\s+)?now\\b");
  private static final Pattern SCALE_BEFORE = Pattern.compile("(?iU)(?:\\bout\\s+of|\\d\\s+of|\\d\\s*/)\\s*$");
  private static final int WINDOW = 48;

  private ContrastCues() {}

  /**
   * True when the value at {@code [start, end)} of {@code text} is negated or superseded: a
   * negation or contrast word just before it, or "was" before and "now" after it.
   */
  public static boolean negated(String text, int start, int end) {
    String before = before(text, start);
    return NEGATION_BEFORE.matcher(before).find()
        || (WAS_BEFORE.matcher(before).find() && NOW_AFTER.matcher(after(text, end)).find());
  }

  /** True when the value at {@code [start, end)} is the top of a scale: "out of 6", "4 of 5", "4/5". */
  public static boolean scaleMaximum(String text, int start, int end) {
    return SCALE_BEFORE.matcher(before(text, start)).find();
  }

  /** True when an opening parenthesis is just before the value or a closing one just after it. */
  public static boolean parenthesised(String text, int start, int end) {
    String before = before(text, start).stripTrailing();
    String after = after(text, end).stripLeading();
    return before.endsWith("(") || after.startsWith(")");
  }

  /** Any cue: negated, a scale maximum or parenthesised. Such a value is never re-read blindly. */
  public static boolean cued(String text, int start, int end) {
    return negated(text, start, end) || scaleMaximum(text, start, end) || parenthesised(text, start, end);
  }

  private static String before(String text, int start) {
    return text.substring(Math.max(0, start - WINDOW), start);
  }

  private static String after(String text, int end) {
    return text.substring(end, Math.min(text.length(), end + WINDOW));
  }
}
