package io.stepcache.packs.math.problem;

import io.stepcache.spi.Signature;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a problem's {@link Signature}: a {@link LinearShape} key for simple linear equations
 * ({@code linear:v*a+b=c}), a {@link Skeleton} key otherwise ({@code linear:#(v+#)=#}, {@code
 * quadratic:v^#=#}); the feature {@code kind} always.
 */
public final class Signatures {

  private Signatures() {}

  /**
   * The signature of {@code problem}.
   *
   * @throws IllegalArgumentException when the problem holds no equation
   */
  public static Signature of(Problem problem) {
    if (!problem.hasEquation()) {
      throw new IllegalArgumentException("A problem without an equation has no signature");
    }
    Map<String, String> features = Map.of("kind", problem.kind().feature());
    Optional<LinearShape> shape =
        problem.isLinear()
            ? LinearShape.of(problem.equations().get(0), problem.variable())
            : Optional.empty();
    if (shape.isPresent()) {
      return new Signature(shape.get().key(), shape.get().bindings(problem.variable()), features);
    }
    Skeleton skeleton = Skeleton.of(problem.equations(), problem.unknowns());
    return new Signature(problem.kind().feature() + ":" + skeleton.text(), skeleton.bindings(), features);
  }
}
