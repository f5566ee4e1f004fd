package io.stepcache.packs.math.problem;

import java.util.Locale;

/** What kind of problem a prompt states; the signature's {@code kind} feature. */
public enum ProblemKind {
  /** One linear equation in one unknown with exactly one solution: the pack's job. */
  LINEAR,
  /** The unknown is squared ({@code x^2}, {@code x*x}) somewhere. */
  QUADRATIC,
  /** Two or more unknowns, or two or more equations. */
  SYSTEM,
  /** A relation other than {@code =}. */
  INEQUALITY,
  /** Higher powers, roots, functions or division by the unknown. */
  NONLINEAR,
  /** Linear, but the unknown cancels out: no solution, or every number is one. */
  DEGENERATE,
  /** Something with a relation the pack cannot read. */
  UNKNOWN;

  /** The feature value, e.g. {@code linear}. */
  public String feature() {
    return name().toLowerCase(Locale.ROOT);
  }
}
