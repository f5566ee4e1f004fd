package io.stepcache.packs.math.rebind;

import io.stepcache.packs.math.algebra.Numbers;
import io.stepcache.packs.math.problem.LinearShape;
import io.stepcache.spi.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The expressions a number in a step may be abstracted to, for one signature's structure key.
 *
 * <p>Shape keys with the unknown on one side ({@code v*a+b=c}) offer {@code a b c -a -b -c c-b
 * b-c (c-b)/a}; two-sided keys ({@code v*a+b=v*c+d}) offer {@code a b c d -a -b -c -d a-c c-a d-b
 * b-d (d-b)/(a-c)}. Skeleton keys offer each number {@code nK} and its negation {@code -nK}, and,
 * when the key is one linear equation, the two-sided expressions over its expanded coefficients
 * ({@link BindingValues}). Expressions that are constant for the key (a coefficient the key leaves
 * unwritten) or identical to an earlier one (c-b when b is absent is just c) are dropped; this is
 * decided once per key by evaluating at two {@link #probe probe points}.
 */
final class Candidates {

  private static final List<String> ONE_SIDED =
      List.of("a", "b", "c", "-a", "-b", "-c", "c-b", "b-c", "(c-b)/a");
  private static final List<String> TWO_SIDED =
      List.of("a", "b", "c", "d", "-a", "-b", "-c", "-d", "a-c", "c-a", "d-b", "b-d", "(d-b)/(a-c)");
  private static final Map<String, Double> PROBE_1 =
      Map.of("a", 2.718281828, "b", 3.141592654, "c", 1.414213562, "d", 1.732050808);
  private static final Map<String, Double> PROBE_2 =
      Map.of("a", 0.577215665, "b", 1.618033989, "c", 2.236067977, "d", 0.693147181);
  /** Skeleton keys come from users' text; their candidate lists are cached up to this many keys. */
  private static final int MAX_CACHED_KEYS = 4096;

  /** Per structure key: the surviving expressions. */
  private static final Map<String, List<Named>> CACHE = new ConcurrentHashMap<>();

  private Candidates() {}

  /**
   * A candidate expression.
   *
   * @param name the placeholder text
   * @param expression its parsed form
   */
  record Named(String name, BindingExpression expression) {}

  /**
   * Made-up binding values for checks that must hold whatever the constants are: two fixed points
   * ({@code which} 0 or 1) with irrational-looking values, so no two expressions agree by chance.
   * Skeleton numbers {@code nK} get positive values (the key holds their signs).
   */
  static ToDoubleFunction<String> probe(int which) {
    Map<String, Double> fixed = which == 0 ? PROBE_1 : PROBE_2;
    return name -> {
      Double value = fixed.get(name);
      if (value != null) {
        return value;
      }
      if (name.startsWith("n")) {
        int k = Integer.parseInt(name.substring(1));
        double step = which == 0 ? 0.6180339887 : 0.4142135624;
        double fraction = (k * step) % 1.0;
        return Numbers.round((which == 0 ? 1.3 : 1.1) + 4.7 * fraction);
      }
      return Double.NaN;
    };
  }

  /** The candidate expressions for {@code signature}'s key. */
  static List<Named> of(Signature signature) {
    String key = signature.structureKey();
    List<Named> cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    List<Named> computed = compute(signature);
    if (CACHE.size() < MAX_CACHED_KEYS) {
      CACHE.putIfAbsent(key, computed);
    }
    return computed;
  }

  private static List<Named> compute(Signature signature) {
    String key = signature.structureKey();
    List<String> names = new ArrayList<>();
    if (LinearShape.isShapeKey(key)) {
      names.addAll(LinearShape.isTwoSidedKey(key) ? TWO_SIDED : ONE_SIDED);
    } else {
      for (String name : signature.bindings().keySet()) {
        if (!BindingValues.isVariable(name)) {
          names.add(name);
          names.add("-" + name);
        }
      }
      if (BindingValues.isLinearSkeletonKey(key)) {
        names.addAll(TWO_SIDED);
      }
    }
    BindingValues probe1 = BindingValues.probe(signature, probe(0));
    BindingValues probe2 = BindingValues.probe(signature, probe(1));
    List<Named> kept = new ArrayList<>();
    List<double[]> keptValues = new ArrayList<>();
    for (String name : names) {
      BindingExpression e = BindingExpression.parse(name);
      double v1 = e.evaluate(probe1);
      double v2 = e.evaluate(probe2);
      boolean constant = v1 == v2;
      boolean duplicate = keptValues.stream().anyMatch(k -> same(k[0], v1) && same(k[1], v2));
      if (Double.isFinite(v1) && Double.isFinite(v2) && !constant && !duplicate) {
        kept.add(new Named(name, e));
        keptValues.add(new double[] {v1, v2});
      }
    }
    return List.copyOf(kept);
  }

  /** Equal up to floating-point noise (expanded coefficients are computed, not written). */
  private static boolean same(double x, double y) {
    return Math.abs(x - y) <= 1e-12 * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
  }
}
