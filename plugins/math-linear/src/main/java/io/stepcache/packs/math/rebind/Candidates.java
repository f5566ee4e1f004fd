package io.stepcache.packs.math.rebind;

import io.stepcache.packs.math.problem.LinearShape;
import io.stepcache.spi.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The expressions a number in a step may be abstracted to, for one signature's structure key.
 *
 * <p>Shape keys with the unknown on one side ({@code v*a+b=c}) offer {@code a b c -a -b -c c-b
 * b-c (c-b)/a}; two-sided keys ({@code v*a+b=v*c+d}) offer {@code a b c d -a -b -c -d a-c c-a d-b
 * b-d (d-b)/(a-c)}. Expressions that are constant for the key (a coefficient the key leaves
 * unwritten) or identical to an earlier one (c-b when b is absent is just c) are dropped; this is
 * decided once per key by evaluating at two probe points. Skeleton keys offer each number {@code
 * nK} and its negation {@code -nK}.
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

  /** Per shape key: the surviving expressions. Shape keys are few, so this stays small. */
  private static final Map<String, List<Named>> SHAPE_CANDIDATES = new ConcurrentHashMap<>();

  private Candidates() {}

  /**
   * A candidate expression.
   *
   * @param name the placeholder text
   * @param expression its parsed form
   */
  record Named(String name, BindingExpression expression) {}

  /** The candidate expressions for {@code signature}'s key. */
  static List<Named> of(Signature signature) {
    String key = signature.structureKey();
    if (LinearShape.isShapeKey(key)) {
      return SHAPE_CANDIDATES.computeIfAbsent(key, k -> shapeCandidates(signature));
    }
    List<Named> named = new ArrayList<>();
    for (String name : signature.bindings().keySet()) {
      if (!BindingValues.isVariable(name)) {
        named.add(new Named(name, BindingExpression.parse(name)));
        named.add(new Named("-" + name, BindingExpression.parse("-" + name)));
      }
    }
    return named;
  }

  private static List<Named> shapeCandidates(Signature signature) {
    BindingValues probe1 = BindingValues.probe(signature, PROBE_1);
    BindingValues probe2 = BindingValues.probe(signature, PROBE_2);
    boolean twoSided = LinearShape.isTwoSidedKey(signature.structureKey());
    List<Named> kept = new ArrayList<>();
    List<double[]> keptValues = new ArrayList<>();
    for (String name : twoSided ? TWO_SIDED : ONE_SIDED) {
      BindingExpression e = BindingExpression.parse(name);
      double v1 = e.evaluate(probe1);
      double v2 = e.evaluate(probe2);
      boolean constant = v1 == v2;
      boolean duplicate = keptValues.stream().anyMatch(k -> k[0] == v1 && k[1] == v2);
      if (Double.isFinite(v1) && Double.isFinite(v2) && !constant && !duplicate) {
        kept.add(new Named(name, e));
        keptValues.add(new double[] {v1, v2});
      }
    }
    return List.copyOf(kept);
  }
}
