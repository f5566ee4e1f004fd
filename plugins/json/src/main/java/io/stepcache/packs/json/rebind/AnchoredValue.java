package io.stepcache.packs.json.rebind;

import io.stepcache.packs.json.text.ContrastCues;
import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.StrictJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;

/**
 * A cached value step ({@code "age": 73}) tied to its place in the cached request's source text by
 * the few tokens just before and after the value ({@code ", aged "} and {@code ", works"}), so the
 * value can be read again from another source text that has the same context.
 *
 * <p><b>Anchoring</b> ({@link #of}) succeeds only when the value (a string, or a number written
 * plainly) occurs exactly once in the source text, token-aligned, without a contrast cue next to
 * it ({@link ContrastCues}). Anchors are whole tokens (a run
 * of letters, digits and {@code _}, or one other character) plus the kind of character just outside
 * them ({@link Edge}); the start or end of the text counts as two tokens, and a run of digits in an
 * anchor matches any run of digits (a year next to a title is another value). The anchors chosen
 * are the shortest pair of at least three tokens in all, preferring tokens without capitals (names
 * and places are usually other values, which change), that frame exactly one span of the cached
 * text: the value itself.
 *
 * <p><b>Re-grounding</b> ({@link #reground}) reads the new value from a new source text only when
 * the anchors frame exactly one span there and the span has the old value's JSON type and shape.
 * For a string every pair of a before-anchor occurrence and a later after-anchor occurrence is a
 * span, whatever lies between (so a value that could end at two places is ambiguous, never
 * shortened), and the span must have as many words as the old value, letters exactly when it had
 * letters, and no symbol it did not have. For a number only spans that are a plain JSON number
 * count (a number is one token, it cannot be cut short), negative only when the old one was; and
 * the span may have no contrast cue next to it. Otherwise it gives nothing: the caller never falls
 * back to the literal value, it serves the key as unresolved.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Over 350 lines on purpose: anchoring and re-grounding must read a source text with one and the
 * same notion of an anchor (its sides, their edges, token alignment, value occurrences); kept in
 * one class, the two cannot drift apart, and a value that anchors is one that can be found again.
 */
public final class AnchoredValue {

  /** Templates start with this; a step never does (steps start with a quoted key). */
  static final String MARKER = "{{json.anchored}}";

  private static final int MIN_CONTEXT = 3;
  private static final int MAX_TOKENS_PER_SIDE = 4;
  private static final int TEXT_EDGE_WEIGHT = 2;
  private static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<![\\w.,+-])-?\\d+(?:\\.\\d+)?(?!\\w|[.,]\\d)");
  private static final Pattern JSON_NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?");
  private static final Pattern WORD_TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private final String step;
  private final String key;
  private final Object value;
  private final String before;
  private final Edge beforeEdge;
  private final String after;
  private final Edge afterEdge;

  private AnchoredValue(
      String step, String key, Object value, String before, Edge beforeEdge, String after, Edge afterEdge) {
    this.step = step;
    this.key = key;
    this.value = value;
    this.before = before;
    this.beforeEdge = beforeEdge;
    this.after = after;
    this.afterEdge = afterEdge;
  }

  /**
   * Anchors {@code step}'s value in {@code source}: empty when the step is no {@code "key": value}
   * pair with a string or number value, the value does not occur exactly once, or no anchors frame
   * it alone.
   */
  public static Optional<AnchoredValue> of(String step, String source) {
    Member member = Member.parse(step);
    if (!member.parsed() || source == null || !(member.value() instanceof String || member.value() instanceof Number)) {
      return Optional.empty();
    }
    if (member.value() instanceof String s && s.isBlank()) {
      return Optional.empty();
    }
    List<int[]> found = occurrences(member.value(), source);
    if (found.size() != 1) {
      return Optional.empty();
    }
    int start = found.get(0)[0];
    int end = found.get(0)[1];
    if (ContrastCues.cued(source, start, end)) {
      return Optional.empty(); // "not 5", "out of 6", "(31)": the context would also frame the wrong span elsewhere
    }
    List<Side> befores = sidesBefore(source, start);
    List<Side> afters = sidesAfter(source, end);
    List<Candidate> candidates = new ArrayList<>();
    for (Side b : befores) {
      for (Side a : afters) {
        if (b.weight() + a.weight() >= MIN_CONTEXT) {
          candidates.add(new Candidate(b, a));
        }
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::valueLikeTokens).thenComparingInt(Candidate::weight));
    for (Candidate c : candidates) {
      AnchoredValue anchored = new AnchoredValue(
          step, member.key(), member.value(), c.before().text(), c.before().edge(), c.after().text(), c.after().edge());
      List<int[]> spans = anchored.spans(source);
      if (spans.size() == 1 && spans.get(0)[0] == start && spans.get(0)[1] == end) {
        return anchored.reground(source).filter(step::equals).map(ignored -> anchored);
      }
    }
    return Optional.empty();
  }

  /** True when {@code text} is a template written by {@link #template()}. */
  public static boolean isTemplate(String text) {
    return text.startsWith(MARKER);
  }

  /** Reads a template written by {@link #template()}; empty when it is not one or is damaged. */
  public static Optional<AnchoredValue> fromTemplate(String template) {
    if (!isTemplate(template)) {
      return Optional.empty();
    }
    try {
      JSONObject o = StrictJson.object(template.substring(MARKER.length())).orElse(null);
      if (o == null) {
        return Optional.empty();
      }
      String step = o.getString("step");
      Member member = Member.parse(step);
      if (!member.parsed()) {
        return Optional.empty();
      }
      return Optional.of(new AnchoredValue(step, member.key(), member.value(),
          o.getString("before"), Edge.valueOf(o.getString("beforeEdge")),
          o.getString("after"), Edge.valueOf(o.getString("afterEdge"))));
    } catch (RuntimeException e) { // a damaged template: missing field, unknown edge
      return Optional.empty();
    }
  }

  /** The template text: {@link #MARKER} and a JSON object with the literal step and both anchors. */
  public String template() {
    return MARKER + "{\"step\":" + StrictJson.quote(step)
        + ",\"before\":" + StrictJson.quote(before) + ",\"beforeEdge\":\"" + beforeEdge.name() + "\""
        + ",\"after\":" + StrictJson.quote(after) + ",\"afterEdge\":\"" + afterEdge.name() + "\"}";
  }

  /** The literal cached step. */
  public String step() {
    return step;
  }

  /** The text just before the value in the cached source text. */
  public String before() {
    return before;
  }

  /** The text just after the value in the cached source text. */
  public String after() {
    return after;
  }

  /**
   * The step with its value read from {@code source} between the anchors; empty when the anchors
   * do not frame exactly one span there, the span has a contrast cue next to it ({@link
   * ContrastCues#cued}: "1 (not 2) out of 6" must not serve 2), or it does not have the old value's
   * type and shape.
   */
  public Optional<String> reground(String source) {
    List<int[]> spans = spans(source);
    if (spans.size() != 1) {
      return Optional.empty();
    }
    int start = spans.get(0)[0];
    int end = spans.get(0)[1];
    String text = source.substring(start, end);
    if (!tokenAligned(text) || ContrastCues.cued(source, start, end)) {
      return Optional.empty();
    }
    Optional<Object> fresh = value instanceof Number ? number(text) : string(text);
    return fresh.map(v -> StrictJson.quote(key) + ": " + StrictJson.compact(v));
  }

  private Optional<Object> number(String text) {
    if (!JSON_NUMBER.matcher(text).matches()) {
      return Optional.empty();
    }
    if (text.startsWith("-") && decimal(value).signum() >= 0) {
      return Optional.empty();
    }
    return StrictJson.value(text).filter(Number.class::isInstance);
  }

  private Optional<Object> string(String text) {
    return ValueShape.sameShape((String) value, text) ? Optional.of(text) : Optional.empty();
  }

  /** The new span may not glue onto an anchor's word: the anchors were token boundaries. */
  private boolean tokenAligned(String text) {
    boolean gluedBefore = !before.isEmpty() && Edge.isWord(before.charAt(before.length() - 1))
        && Edge.isWord(text.charAt(0));
    boolean gluedAfter = !after.isEmpty() && Edge.isWord(after.charAt(0))
        && Edge.isWord(text.charAt(text.length() - 1));
    return !gluedBefore && !gluedAfter;
  }

  /**
   * The candidate spans between an occurrence of the before anchor and a later occurrence of the
   * after anchor. For a string value every such pair counts, whatever lies between (so a value
   * that could end at two places is two spans); for a number only spans that are a plain JSON
   * number count (a number is one token: it cannot be cut short or run past an anchor).
   */
  private List<int[]> spans(String source) {
    List<Integer> starts = new ArrayList<>();
    for (int[] m : matches(before, source)) {
      if (Edge.at(source, m[0] - 1) == beforeEdge) {
        starts.add(m[1]);
      }
    }
    List<Integer> ends = new ArrayList<>();
    for (int[] m : matches(after, source)) {
      if (Edge.at(source, m[1]) == afterEdge) {
        ends.add(m[0]);
      }
    }
    List<int[]> spans = new ArrayList<>();
    for (int s : starts) {
      for (int e : ends) {
        if (e > s && (!(value instanceof Number) || JSON_NUMBER.matcher(source.substring(s, e)).matches())) {
          spans.add(new int[] {s, e});
        }
      }
    }
    return spans;
  }

  /**
   * Every occurrence of {@code anchor} in {@code source} as [start, end), overlapping ones
   * included. A run of digits in the anchor matches any run of digits: numbers next to a value
   * (the year after a title) are usually other values, which change between requests.
   */
  private static List<int[]> matches(String anchor, String source) {
    List<int[]> out = new ArrayList<>();
    if (anchor.isEmpty()) {
      out.add(new int[] {0, 0});
      out.add(new int[] {source.length(), source.length()});
      return out;
    }
    Matcher m = anchorPattern(anchor).matcher(source);
    int from = 0;
    while (from <= source.length() && m.find(from)) {
      out.add(new int[] {m.start(), m.end()});
      from = m.start() + 1;
    }
    return out;
  }

  private static Pattern anchorPattern(String anchor) {
    StringBuilder regex = new StringBuilder();
    Matcher digits = DIGITS.matcher(anchor);
    int last = 0;
    while (digits.find()) {
      regex.append(Pattern.quote(anchor.substring(last, digits.start()))).append("\\d+");
      last = digits.end();
    }
    return Pattern.compile(regex.append(Pattern.quote(anchor.substring(last))).toString());
  }

  /** Token-aligned occurrences of a string value, or of a number written plainly, as [start, end). */
  private static List<int[]> occurrences(Object value, String source) {
    List<int[]> out = new ArrayList<>();
    if (value instanceof String s) {
      for (int i = source.indexOf(s); i >= 0; i = source.indexOf(s, i + 1)) {
        int end = i + s.length();
        boolean alignedStart = !Edge.isWord(s.charAt(0)) || Edge.at(source, i - 1) != Edge.WORD;
        boolean alignedEnd = !Edge.isWord(s.charAt(s.length() - 1)) || Edge.at(source, end) != Edge.WORD;
        if (alignedStart && alignedEnd) {
          out.add(new int[] {i, end});
        }
      }
      return out;
    }
    BigDecimal number = decimal(value);
    Matcher m = NUMBER_IN_TEXT.matcher(source);
    while (m.find()) {
      if (number != null && new BigDecimal(m.group()).compareTo(number) == 0) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  private static BigDecimal decimal(Object number) {
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException e) { // NaN or infinity: no plain form in any text
      return null;
    }
  }

  /** Anchors before {@code start} of 1 to 4 tokens; one that reaches the text start ends the list. */
  private static List<Side> sidesBefore(String source, int start) {
    List<Side> out = new ArrayList<>();
    int p = start;
    for (int tokens = 1; tokens <= MAX_TOKENS_PER_SIDE; tokens++) {
      int q = p;
      while (q > 0 && Character.isWhitespace(source.charAt(q - 1))) {
        q--;
      }
      if (q == 0) {
        out.add(new Side(source.substring(0, start), Edge.TEXT, tokens - 1));
        break;
      }
      if (Edge.isWord(source.charAt(q - 1))) {
        while (q > 0 && Edge.isWord(source.charAt(q - 1))) {
          q--;
        }
      } else {
        q--;
      }
      p = q;
      Edge edge = Edge.at(source, p - 1);
      out.add(new Side(source.substring(p, start), edge, tokens));
      if (edge == Edge.TEXT) {
        break;
      }
    }
    return out;
  }

  /** Anchors after {@code end} of 1 to 4 tokens; one that reaches the text end ends the list. */
  private static List<Side> sidesAfter(String source, int end) {
    List<Side> out = new ArrayList<>();
    int n = source.length();
    int p = end;
    for (int tokens = 1; tokens <= MAX_TOKENS_PER_SIDE; tokens++) {
      int q = p;
      while (q < n && Character.isWhitespace(source.charAt(q))) {
        q++;
      }
      if (q == n) {
        out.add(new Side(source.substring(end), Edge.TEXT, tokens - 1));
        break;
      }
      if (Edge.isWord(source.charAt(q))) {
        while (q < n && Edge.isWord(source.charAt(q))) {
          q++;
        }
      } else {
        q++;
      }
      p = q;
      Edge edge = Edge.at(source, p);
      out.add(new Side(source.substring(end, p), edge, tokens));
      if (edge == Edge.TEXT) {
        break;
      }
    }
    return out;
  }

  /** One side's anchor: its text, what lies outside it, and how many tokens it spans. */
  private record Side(String text, Edge edge, int tokens) {
    int weight() {
      return tokens + (edge == Edge.TEXT ? TEXT_EDGE_WEIGHT : 0);
    }

    /**
     * Tokens with a capital letter: likely other values (names, places), which change between
     * requests. Digits need no penalty: they match any digits ({@link #matches}).
     */
    int valueLikeTokens() {
      int n = 0;
      Matcher m = WORD_TOKEN.matcher(text);
      while (m.find()) {
        if (m.group().chars().anyMatch(Character::isUpperCase)) {
          n++;
        }
      }
      return n;
    }
  }

  private record Candidate(Side before, Side after) {
    int weight() {
      return before.weight() + after.weight();
    }

    int valueLikeTokens() {
      return before.valueLikeTokens() + after.valueLikeTokens();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnchoredValue other && template().equals(other.template());
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, before, beforeEdge, after, afterEdge);
  }

  @Override
  public String toString() {
    return "AnchoredValue[" + before + "<" + step + ">" + after + "]";
  }
}
