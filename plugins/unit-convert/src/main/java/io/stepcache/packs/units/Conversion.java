package io.stepcache.packs.units;

import io.stepcache.packs.units.catalogue.Unit;
import io.stepcache.packs.units.catalogue.UnitCatalogue;
import io.stepcache.spi.Signature;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One conversion, computed exactly: {@code value from} in {@code to}. Knows the three canonical
 * steps of an answer:
 *
 * <pre>
 * 1 km = 0.621371 mi
 * 5 km × 0.621371 = 3.10686 mi
 * Answer: 3.10686 mi
 * </pre>
 *
 * Numbers are shown with {@value #DIGITS} significant digits; the arithmetic behind them is exact.
 *
 * @param value the quantity as the request wrote it
 */
public record Conversion(String value, Unit from, Unit to) {

  /** Significant digits of every number in a step. */
  public static final int DIGITS = 6;

  private static final MathContext SHOWN = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

  /** The exact factor: 1 from = factor to. */
  public BigFraction factor() {
    return from.factorTo(to);
  }

  /** The exact result. */
  public BigFraction result() {
    return UnitCatalogue.exact(value).multiply(factor());
  }

  /** The factor as steps show it. */
  public String shownFactor() {
    return show(factor());
  }

  /** The result as steps show it. */
  public String shownResult() {
    return show(result());
  }

  /** The three steps of the correct answer. */
  public List<String> steps() {
    return List.of(factorStep(), productStep(), answerStep());
  }

  public String factorStep() {
    return "1 " + from.symbol() + " = " + shownFactor() + " " + to.symbol();
  }

  public String productStep() {
    return value + " " + from.symbol() + " × " + shownFactor() + " = " + shownResult() + " " + to.symbol();
  }

  public String answerStep() {
    return "Answer: " + shownResult() + " " + to.symbol();
  }

  /** The signature of the request: structure key, bindings (value, from, to), features. */
  public Signature signature() {
    return new Signature(
        "convert " + from.dimension() + ": " + from.symbol() + " -> " + to.symbol(),
        Map.of("value", value, "from", from.symbol(), "to", to.symbol()),
        Map.of("kind", "conversion", "dimension", from.dimension()));
  }

  /** The conversion a signature stands for. */
  public static Conversion of(Signature s, UnitCatalogue units) {
    return new Conversion(
        s.binding("value"),
        units.bySymbol(s.binding("from")).orElseThrow(() -> new IllegalStateException("Unknown unit " + s.binding("from"))),
        units.bySymbol(s.binding("to")).orElseThrow(() -> new IllegalStateException("Unknown unit " + s.binding("to"))));
  }

  /** A number with {@value #DIGITS} significant digits, no exponent, no trailing zeros. */
  public static String show(BigFraction x) {
    return show(new BigDecimal(x.getNumerator()).divide(new BigDecimal(x.getDenominator()), MathContext.DECIMAL128));
  }

  /** See {@link #show(BigFraction)}. */
  public static String show(BigDecimal x) {
    BigDecimal r = x.round(SHOWN).stripTrailingZeros();
    return r.signum() == 0 ? "0" : r.toPlainString();
  }

  /** |a - b| relative to |b| (absolute when b is 0). */
  public static double relativeError(double a, double b) {
    double diff = Math.abs(a - b);
    return b == 0 ? diff : diff / Math.abs(b);
  }
}
