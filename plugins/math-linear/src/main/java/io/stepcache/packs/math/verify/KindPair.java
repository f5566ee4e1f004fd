package io.stepcache.packs.math.verify;

import io.stepcache.spi.Signature;
import java.util.Objects;

/** Guard fact: the {@code kind} feature of the cached neighbour and of the new request. */
public final class KindPair {

  private final String cachedKind;
  private final String freshKind;

  public KindPair(Signature cached, Signature fresh) {
    this.cachedKind = cached.feature("kind");
    this.freshKind = fresh.feature("kind");
  }

  public String getCachedKind() {
    return cachedKind;
  }

  public String getFreshKind() {
    return freshKind;
  }

  /** True when both are plain linear equations, the only kind whose steps can be checked. */
  public boolean isBothLinear() {
    return Objects.equals(cachedKind, "linear") && Objects.equals(freshKind, "linear");
  }
}
