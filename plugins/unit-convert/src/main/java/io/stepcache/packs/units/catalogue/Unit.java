package io.stepcache.packs.units.catalogue;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One unit: its symbol, its dimension and its exact size in the dimension's base unit.
 *
 * @param symbol how steps write it ({@code km})
 * @param dimension what it measures ({@code length})
 * @param size exact size in the base unit (1 km = 1000 m)
 * @param aliases other names requests may use ({@code kilometres})
 */
public record Unit(String symbol, String dimension, BigFraction size, List<String> aliases) {

  public Unit {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(size, "size");
    aliases = List.copyOf(aliases);
    if (size.compareTo(BigFraction.ZERO) <= 0) {
      throw new IllegalArgumentException("The size of unit " + symbol + " must be positive");
    }
  }

  /** The exact factor from this unit to {@code target}: 1 this = factor target. */
  public BigFraction factorTo(Unit target) {
    if (!dimension.equals(target.dimension)) {
      throw new IllegalArgumentException(symbol + " (" + dimension + ") is no " + target.dimension);
    }
    return size.divide(target.size);
  }
}
