package io.stepcache.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request abstracted by its pack: the structure key (the prompt with constants, names and
 * schema keys abstracted away) and the bindings that were abstracted, in a stable order.
 *
 * <p>Two requests with the same structure key are candidates for step reuse; the pack's rules
 * still verify every reused step. {@code features} carry what the guard rules compare (e.g.
 * {@code kind=linear}); they are never part of the key.
 *
 * @param structureKey canonical, wording-independent form of the request
 * @param bindings abstracted values by name (e.g. {@code var=x, a=3}), insertion-ordered
 * @param features properties the guard rules compare, insertion-ordered
 */
public record Signature(String structureKey, Map<String, String> bindings, Map<String, String> features) {

  public Signature {
    Objects.requireNonNull(structureKey, "structureKey");
    bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  /** A binding by name, or {@code null}. */
  public String binding(String name) {
    return bindings.get(name);
  }

  /** A feature by name, or {@code null}. */
  public String feature(String name) {
    return features.get(name);
  }
}
