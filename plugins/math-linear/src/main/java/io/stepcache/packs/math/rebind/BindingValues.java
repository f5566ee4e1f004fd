package io.stepcache.packs.math.rebind;

import io.stepcache.packs.math.problem.LinearShape;
import io.stepcache.spi.Signature;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The numeric bindings of a signature. For {@link LinearShape} keys, a coefficient the shape
 * leaves unwritten ({@code v} rather than {@code v*a}) is 1 and a missing constant is 0, so
 * expressions such as {@code a-c} mean the same for every request with that key.
 */
final class BindingValues implements ToDoubleFunction<String> {

  private final Map<String, Double> values;

  private BindingValues(Map<String, Double> values, String structureKey) {
    this.values = values;
    if (LinearShape.isShapeKey(structureKey)) {
      boolean twoSided = LinearShape.isTwoSidedKey(structureKey);
      values.putIfAbsent("a", 1.0);
      values.putIfAbsent("b", 0.0);
      values.putIfAbsent("c", twoSided ? 1.0 : 0.0);
      values.putIfAbsent("d", 0.0);
    }
  }

  /** The signature's own values. */
  static BindingValues of(Signature signature) {
    Map<String, Double> values = new HashMap<>();
    signature.bindings().forEach((name, text) -> {
      if (!isVariable(name)) {
        values.put(name, Double.parseDouble(text));
      }
    });
    return new BindingValues(values, signature.structureKey());
  }

  /** Made-up values for the names {@code signature} binds, taken from {@code probe}. */
  static BindingValues probe(Signature signature, Map<String, Double> probe) {
    Map<String, Double> values = new HashMap<>();
    signature.bindings().keySet().forEach(name -> {
      if (!isVariable(name)) {
        values.put(name, probe.get(name));
      }
    });
    return new BindingValues(values, signature.structureKey());
  }

  /** True for the bindings that name unknowns ({@code var}, {@code var2} ...) rather than numbers. */
  static boolean isVariable(String bindingName) {
    return bindingName.startsWith("var");
  }

  @Override
  public double applyAsDouble(String name) {
    Double value = values.get(name);
    return value == null ? Double.NaN : value;
  }
}
