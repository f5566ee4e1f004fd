package io.stepcache.engine.backend.sim;

/**
 * Per-step error rates of the simulated model. Each rate is the probability (0..1) that one
 * step (one line of the answer) gets that error; at most one error per step. {@code activeCalls}
 * limits injection to the first N backend calls (then the model is perfect), which lets a test
 * script "wrong first, right on retry".
 *
 * <p>The first five kinds are mistakes a verifier can catch from the answer and the text alone (a
 * number that is not in the text, a broken object). {@code groundedDistractor} is the mistake real
 * extraction models make most and such rules do not catch: the value of a JSON key line replaced by
 * another span of the same source text with the same type and shape (the old price instead of the
 * new one, the maximum instead of the rating). It is the last component so that the older
 * constructor, and every seed drawn with it, stay as they were.
 *
 * @param wrongArithmetic a number in the step is changed by a small non-zero amount
 * @param wrongSign a number in the step has its sign flipped
 * @param missingJsonKey a {@code "key": value} line is dropped
 * @param malformedJson the output's JSON is broken (a brace or quote removed)
 * @param truncated the output stops mid-way at this step (and is reported as truncated)
 * @param activeCalls inject only into the first this-many calls; {@code Integer.MAX_VALUE} for
 *     always
 * @param groundedDistractor a {@code "key": value} line gets another value of the prompt's source
 *     text with the same JSON type and shape (unchanged when the text has none)
 */
public record ErrorInjection(
    double wrongArithmetic,
    double wrongSign,
    double missingJsonKey,
    double malformedJson,
    double truncated,
    int activeCalls,
    double groundedDistractor) {

  public ErrorInjection {
    check("wrongArithmetic", wrongArithmetic);
    check("wrongSign", wrongSign);
    check("missingJsonKey", missingJsonKey);
    check("malformedJson", malformedJson);
    check("truncated", truncated);
    check("groundedDistractor", groundedDistractor);
    if (activeCalls < 0) {
      throw new IllegalArgumentException("activeCalls must be >= 0, got " + activeCalls);
    }
  }

  /** The five kinds a verifier can catch, no grounded distractors (the constructor before that kind existed). */
  public ErrorInjection(
      double wrongArithmetic,
      double wrongSign,
      double missingJsonKey,
      double malformedJson,
      double truncated,
      int activeCalls) {
    this(wrongArithmetic, wrongSign, missingJsonKey, malformedJson, truncated, activeCalls, 0);
  }

  private static void check(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability in [0,1], got " + rate);
    }
  }

  /** A perfect model. */
  public static ErrorInjection none() {
    return new ErrorInjection(0, 0, 0, 0, 0, Integer.MAX_VALUE, 0);
  }

  public ErrorInjection withWrongArithmetic(double rate) {
    return new ErrorInjection(rate, wrongSign, missingJsonKey, malformedJson, truncated, activeCalls, groundedDistractor);
  }

  public ErrorInjection withWrongSign(double rate) {
    return new ErrorInjection(wrongArithmetic, rate, missingJsonKey, malformedJson, truncated, activeCalls,
        groundedDistractor);
  }

  public ErrorInjection withMissingJsonKey(double rate) {
    return new ErrorInjection(wrongArithmetic, wrongSign, rate, malformedJson, truncated, activeCalls,
        groundedDistractor);
  }

  public ErrorInjection withMalformedJson(double rate) {
    return new ErrorInjection(wrongArithmetic, wrongSign, missingJsonKey, rate, truncated, activeCalls,
        groundedDistractor);
  }

  public ErrorInjection withTruncated(double rate) {
    return new ErrorInjection(wrongArithmetic, wrongSign, missingJsonKey, malformedJson, rate, activeCalls,
        groundedDistractor);
  }

  public ErrorInjection withGroundedDistractor(double rate) {
    return new ErrorInjection(wrongArithmetic, wrongSign, missingJsonKey, malformedJson, truncated, activeCalls, rate);
  }

  /** Injects only into the first {@code calls} backend calls. */
  public ErrorInjection forFirstCalls(int calls) {
    return new ErrorInjection(wrongArithmetic, wrongSign, missingJsonKey, malformedJson, truncated, calls,
        groundedDistractor);
  }

  /** True when no error can ever be injected. */
  public boolean isNone() {
    return wrongArithmetic == 0 && wrongSign == 0 && missingJsonKey == 0 && malformedJson == 0 && truncated == 0
        && groundedDistractor == 0;
  }
}
