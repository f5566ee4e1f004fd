package io.stepcache.packs.units.verify;

/**
 * Fact: what the request asks for, with the exact factor and result.
 *
 * @param value the quantity
 * @param from source unit symbol
 * @param to target unit symbol
 * @param factor exact factor (1 from = factor to), as a double
 * @param result exact result, as a double
 */
public record ConversionTask(double value, String from, String to, double factor, double result) {
  public double getValue() {
    return value;
  }

  public String getFrom() {
    return from;
  }

  public String getTo() {
    return to;
  }

  public double getFactor() {
    return factor;
  }

  public double getResult() {
    return result;
  }
}
