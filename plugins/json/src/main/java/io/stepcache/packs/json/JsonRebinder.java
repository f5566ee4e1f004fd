package io.stepcache.packs.json;

import io.stepcache.packs.json.rebind.AnchoredValue;
import io.stepcache.packs.json.rebind.SourceBound;
import io.stepcache.packs.json.text.Member;
import io.stepcache.packs.json.text.Unresolved;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Signature;
import java.util.Optional;

/**
 * Keeps every step under its literal key, and re-reads its value from the new source text; it
 * never guesses.
 *
 * <p><b>Keys stay literal</b>: a cached {@code "city": "Montreal"} is only ever reused as {@code
 * city}. Following key positions instead ({@code {{k1}}} = the second key) looks attractive for a
 * renamed key ({@code age} to {@code years}) but cannot be told apart from a replaced one ({@code
 * city} to {@code author}), and the rules can only check that a value occurs in the source text,
 * not which key it belongs to: position rebinding served {@code "author": "Montreal"} as verified.
 * With literal keys a step whose key the new request does not name fails {@code
 * JSON_KEY_NOT_REQUESTED} and is dropped without a model call, and the keys the request adds are
 * asked for by the focused key repair.
 *
 * <p><b>Values are re-grounded or unresolved</b>: {@link #abstractStep} stores a string or number
 * value with the few tokens around it in the cached request's source text (the signature's {@code
 * source} binding, see {@link JsonAnalyser}); {@link #instantiate} reads the value between the same
 * anchors in the new source text, only when exactly one span matches, it has no contrast cue next
 * to it and it has the old value's JSON type and shape ({@link AnchoredValue}). A value that cannot
 * be anchored (not exactly once in the text, a contrast cue next to it, boolean, null, object,
 * array) is stored bound to its source text ({@link SourceBound}) and reused literally only for the
 * identical text. In every other case the step is {@link Unresolved}: it keeps the key, fails
 * {@code JSON_VALUE_NOT_REGROUNDED}, and the focused repair asks the model for that key. The
 * literal cached value is never the fallback: it may still occur in the new text as another span
 * ("rating 6" from "out of 6") and would then pass. Steps stored without a source binding, and
 * literal templates from older entries, instantiate to themselves.
 */
final class JsonRebinder implements Rebinder {

  @Override
  public String abstractStep(String stepText, Signature signature) {
    String source = signature.binding(JsonAnalyser.SOURCE_BINDING);
    Member member = Member.parse(stepText);
    if (source == null || member.key() == null || Unresolved.is(member)) {
      return stepText;
    }
    return AnchoredValue.of(stepText, source)
        .map(AnchoredValue::template)
        .orElseGet(() -> SourceBound.of(stepText, source).template());
  }

  @Override
  public String instantiate(String template, Signature signature) {
    String source = signature.binding(JsonAnalyser.SOURCE_BINDING);
    // a damaged template stays as it is: it is no "key": value pair, so it fails verification
    if (AnchoredValue.isTemplate(template)) {
      return AnchoredValue.fromTemplate(template)
          .map(anchored -> (source == null ? Optional.<String>empty() : anchored.reground(source))
              .orElseGet(() -> Unresolved.step(Member.parse(anchored.step()).key())))
          .orElse(template);
    }
    if (SourceBound.isTemplate(template)) {
      return SourceBound.fromTemplate(template).map(bound -> bound.instantiate(source)).orElse(template);
    }
    return template;
  }
}
