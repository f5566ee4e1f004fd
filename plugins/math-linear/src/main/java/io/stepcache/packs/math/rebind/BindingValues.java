package io.stepcache.packs.math.rebind;

import io.stepcache.packs.math.algebra.EquationSides;
import io.stepcache.packs.math.algebra.ExpressionException;
import io.stepcache.packs.math.algebra.LinearEquation;
import io.stepcache.packs.math.algebra.LinearSide;
import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.algebra.Tokenizer;
import io.stepcache.packs.math.problem.LinearShape;
import io.stepcache.spi.Signature;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The numeric bindings of a signature, and the problem's equation they make.
 *
 * <p>For {@link LinearShape} keys, a coefficient the shape leaves unwritten ({@code v} rather than
 * {@code v*a}) is 1 and a missing constant is 0, so expressions such as {@code a-c} mean the same
 * for every request with that key. For linear skeleton keys ({@code linear:#(v-#)=-#}), whose
 * bindings are the written numbers {@code n1, n2 ...}, the names {@code a b c d} are the
 * coefficients of the equation once both sides are expanded ({@code a·v + b = c·v + d}; {@code
 * 7(y - 15) = -147} has {@code a=7, b=-105, c=0, d=-147}), so skeleton steps can name the numbers
 * an expansion produces.
 */
final class BindingValues implements ToDoubleFunction<String> {

  private static final String SKELETON_PREFIX = LinearShape.PREFIX;
  private static final String UNKNOWN = "x";

  private final Map<String, Double> values;
  private final String structureKey;

  private BindingValues(Map<String, Double> values, String structureKey) {
    this.values = values;
    this.structureKey = structureKey;
    if (LinearShape.isShapeKey(structureKey)) {
      boolean twoSided = LinearShape.isTwoSidedKey(structureKey);
      values.putIfAbsent("a", 1.0);
      values.putIfAbsent("b", 0.0);
      values.putIfAbsent("c", twoSided ? 1.0 : 0.0);
      values.putIfAbsent("d", 0.0);
    } else if (isLinearSkeletonKey(structureKey)) {
      expandSkeleton(structureKey.substring(SKELETON_PREFIX.length()), values).ifPresent(e -> {
        values.putIfAbsent("a", e.left().coefficient());
        values.putIfAbsent("b", e.left().constant());
        values.putIfAbsent("c", e.right().coefficient());
        values.putIfAbsent("d", e.right().constant());
      });
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

  /** Made-up values for the names {@code signature} binds, from {@code probe}. */
  static BindingValues probe(Signature signature, ToDoubleFunction<String> probe) {
    Map<String, Double> values = new HashMap<>();
    signature.bindings().keySet().forEach(name -> {
      if (!isVariable(name)) {
        values.put(name, probe.applyAsDouble(name));
      }
    });
    return new BindingValues(values, signature.structureKey());
  }

  /** True for the bindings that name unknowns ({@code var}, {@code var2} ...) rather than numbers. */
  static boolean isVariable(String bindingName) {
    return bindingName.startsWith("var");
  }

  /** True for skeleton keys of one linear equation in one unknown, e.g. {@code linear:#(v-#)=-#}. */
  static boolean isLinearSkeletonKey(String structureKey) {
    return structureKey.startsWith(SKELETON_PREFIX)
        && !LinearShape.isShapeKey(structureKey)
        && structureKey.indexOf(';') < 0
        && !structureKey.contains("v2");
  }

  /**
   * The problem's equation for these values: the shape's sides, or the expanded skeleton; empty
   * for other keys or when the values do not make a linear equation with one solution.
   */
  Optional<LinearEquation> equation() {
    if (LinearShape.isShapeKey(structureKey)) {
      LinearSide unknownSide = new LinearSide(values.get("a"), values.get("b"));
      LinearEquation e;
      if (LinearShape.isTwoSidedKey(structureKey)) {
        e = new LinearEquation(unknownSide, new LinearSide(values.get("c"), values.get("d")));
      } else if (structureKey.startsWith(LinearShape.PREFIX + "c=")) {
        e = new LinearEquation(new LinearSide(0, values.get("c")), unknownSide);
      } else {
        e = new LinearEquation(unknownSide, new LinearSide(0, values.get("c")));
      }
      return e.isDegenerate() ? Optional.empty() : Optional.of(e);
    }
    if (isLinearSkeletonKey(structureKey) && values.containsKey("a")) {
      LinearEquation e = new LinearEquation(
          new LinearSide(values.get("a"), values.get("b")), new LinearSide(values.get("c"), values.get("d")));
      return e.isDegenerate() ? Optional.empty() : Optional.of(e);
    }
    return Optional.empty();
  }

  /** The skeleton with {@code #} replaced by n1, n2 ... and {@code v} by the unknown, expanded. */
  private static Optional<LinearEquation> expandSkeleton(String skeleton, Map<String, Double> values) {
    StringBuilder text = new StringBuilder();
    int number = 0;
    for (int i = 0; i < skeleton.length(); i++) {
      char ch = skeleton.charAt(i);
      if (ch == '#') {
        Double value = values.get("n" + (++number));
        if (value == null || !Double.isFinite(value)) {
          return Optional.empty();
        }
        if (text.length() > 0 && Character.isLetterOrDigit(text.charAt(text.length() - 1))) {
          text.append(' ');
        }
        text.append(Numbers.format(value));
      } else if (ch == 'v') {
        text.append(UNKNOWN);
      } else {
        text.append(ch);
      }
    }
    try {
      return Optional.of(EquationSides.split(Tokenizer.tokenize(text.toString())).parseLinear(UNKNOWN));
    } catch (ExpressionException | IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  @Override
  public double applyAsDouble(String name) {
    Double value = values.get(name);
    return value == null ? Double.NaN : value;
  }
}
