package io.stepcache.packs.units.verify;

import io.stepcache.packs.units.Conversion;
import io.stepcache.packs.units.steps.ParsedStep;
import io.stepcache.packs.units.steps.StepKind;

/**
 * Fact: one step, read back and measured against the request. The rules decide with these
 * numbers; every "error" is relative (0.00001 = 10 ppm), so the tolerances live in the DRL.
 */
public final class ConversionStep {

  private final int index;
  private final String text;
  private final ParsedStep parsed;
  private final ConversionTask task;
  private final String fromSymbol;
  private final String toSymbol;

  /**
   * @param fromSymbol the step's source unit resolved to a symbol ({@code null} when unknown)
   * @param toSymbol the step's target unit resolved to a symbol ({@code null} when unknown)
   */
  public ConversionStep(int index, String text, ParsedStep parsed, ConversionTask task, String fromSymbol, String toSymbol) {
    this.index = index;
    this.text = text;
    this.parsed = parsed;
    this.task = task;
    this.fromSymbol = fromSymbol;
    this.toSymbol = toSymbol;
  }

  public int getIndex() {
    return index;
  }

  public String getText() {
    return text;
  }

  public StepKind getKind() {
    return parsed.kind();
  }

  /** The step's source unit is the request's (FACTOR, PRODUCT). */
  public boolean isFromMatches() {
    return task.from().equals(fromSymbol);
  }

  /** The step's target unit is the request's. */
  public boolean isToMatches() {
    return task.to().equals(toSymbol);
  }

  /** How far the stated factor is from the exact one (FACTOR, PRODUCT). */
  public double getFactorError() {
    return Conversion.relativeError(parsed.factor(), task.factor());
  }

  /** How far the converted quantity is from the request's (PRODUCT). */
  public double getValueError() {
    return Conversion.relativeError(parsed.value(), task.value());
  }

  /** How far the stated result is from the stated quantity times the stated factor (PRODUCT). */
  public double getArithmeticError() {
    return Conversion.relativeError(parsed.result(), parsed.value() * parsed.factor());
  }

  /** How far the stated result is from the exact result (PRODUCT, ANSWER). */
  public double getResultError() {
    return Conversion.relativeError(parsed.result(), task.result());
  }

  @Override
  public String toString() {
    return "ConversionStep[" + index + ": " + text + "]";
  }
}
