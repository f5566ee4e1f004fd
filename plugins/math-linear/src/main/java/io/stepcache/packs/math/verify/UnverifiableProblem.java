package io.stepcache.packs.math.verify;

/** A request the pack cannot check (not one linear equation in one unknown with one solution). */
public final class UnverifiableProblem {

  private final String kind;

  /** @param kind the problem's {@code kind} feature, e.g. {@code quadratic} */
  public UnverifiableProblem(String kind) {
    this.kind = kind;
  }

  public String getKind() {
    return kind;
  }
}
