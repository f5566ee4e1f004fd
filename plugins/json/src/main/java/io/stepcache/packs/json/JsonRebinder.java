package io.stepcache.packs.json;

import io.stepcache.packs.json.rebind.AnchoredValue;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Signature;

/**
 * Keeps every step under its literal key, and re-reads a changed value from the new source text
 * where that is unambiguous.
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
 * <p><b>Values are re-grounded</b>: {@link #abstractStep} stores a string or number value with the
 * few tokens around it in the cached request's source text (the signature's {@code source}
 * binding, see {@link JsonAnalyser}); {@link #instantiate} reads the value between the same
 * anchors in the new request's source text, and only when exactly one span matches and it has the
 * old value's JSON type and shape ({@link AnchoredValue}). In every other case (no {@code source}
 * binding, ambiguous or missing anchors, another type or shape, a value that did not occur exactly
 * once in the cached text) the literal cached step stays, and verification then checks it like any
 * reused step: it passes only when its value is also in the new text, otherwise the focused repair
 * asks the model for that key. A step that is not anchored is stored literally, as before; literal
 * templates from older entries instantiate to themselves.
 */
final class JsonRebinder implements Rebinder {

  @Override
  public String abstractStep(String stepText, Signature signature) {
    String source = signature.binding(JsonAnalyser.SOURCE_BINDING);
    if (source == null) {
      return stepText;
    }
    return AnchoredValue.of(stepText, source).map(AnchoredValue::template).orElse(stepText);
  }

  @Override
  public String instantiate(String template, Signature signature) {
    if (!AnchoredValue.isTemplate(template)) {
      return template;
    }
    // a damaged template stays as it is: it is no "key": value pair, so it fails verification
    return AnchoredValue.fromTemplate(template)
        .map(anchored -> {
          String source = signature.binding(JsonAnalyser.SOURCE_BINDING);
          return source == null ? anchored.step() : anchored.reground(source).orElse(anchored.step());
        })
        .orElse(template);
  }
}
