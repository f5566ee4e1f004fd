package io.stepcache.spi.verify;

import io.stepcache.spi.Signature;
import java.util.Objects;

/**
 * The difference between a cached neighbour's signature and the new request's, inserted into
 * every guard evaluation. Guard rules call {@code verdicts.skipReuse(...)} when the change is
 * semantic. By convention the feature {@code kind} names the kind of problem; the shared rules
 * skip whenever it changes.
 */
public final class SignatureChange {

  private final Signature cached;
  private final Signature fresh;

  public SignatureChange(Signature cached, Signature fresh) {
    this.cached = Objects.requireNonNull(cached, "cached");
    this.fresh = Objects.requireNonNull(fresh, "fresh");
  }

  public Signature getCached() {
    return cached;
  }

  public Signature getFresh() {
    return fresh;
  }

  /** True when both structure keys are equal. */
  public boolean isSameStructure() {
    return cached.structureKey().equals(fresh.structureKey());
  }

  /** True when feature {@code name} differs (absent on one side counts as different). */
  public boolean featureChanged(String name) {
    return !Objects.equals(cached.feature(name), fresh.feature(name));
  }

  /** The fresh request's feature, or {@code null}. */
  public String freshFeature(String name) {
    return fresh.feature(name);
  }

  /** The cached request's feature, or {@code null}. */
  public String cachedFeature(String name) {
    return cached.feature(name);
  }

  @Override
  public String toString() {
    return "SignatureChange[" + cached.structureKey() + " -> " + fresh.structureKey() + "]";
  }
}
