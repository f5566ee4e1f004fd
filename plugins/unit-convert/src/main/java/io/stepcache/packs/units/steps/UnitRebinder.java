package io.stepcache.packs.units.steps;

import io.stepcache.packs.units.Conversion;
import io.stepcache.packs.units.catalogue.UnitCatalogue;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Signature;
import java.util.List;

/**
 * Stores a correct step as one of three templates and re-instantiates it for any value and any
 * unit pair of the same dimension, computing the factor and the result from the catalogue. A step
 * that is not exactly the correct one stays literal (and fails verification when reused for other
 * values, which is what the rules are for).
 */
public final class UnitRebinder implements Rebinder {

  static final String FACTOR = "1 {{from}} = {{factor}} {{to}}";
  static final String PRODUCT = "{{value}} {{from}} × {{factor}} = {{result}} {{to}}";
  static final String ANSWER = "Answer: {{result}} {{to}}";

  private final UnitCatalogue units;

  public UnitRebinder(UnitCatalogue units) {
    this.units = units;
  }

  @Override
  public String abstractStep(String stepText, Signature signature) {
    Conversion c = Conversion.of(signature, units);
    List<String> correct = c.steps();
    List<String> templates = List.of(FACTOR, PRODUCT, ANSWER);
    for (int i = 0; i < correct.size(); i++) {
      if (correct.get(i).equals(stepText.strip())) {
        return templates.get(i);
      }
    }
    return stepText;
  }

  @Override
  public String instantiate(String template, Signature signature) {
    if (!template.contains("{{")) {
      return template;
    }
    Conversion c = Conversion.of(signature, units);
    return template
        .replace("{{value}}", c.value())
        .replace("{{from}}", c.from().symbol())
        .replace("{{to}}", c.to().symbol())
        .replace("{{factor}}", c.shownFactor())
        .replace("{{result}}", c.shownResult());
  }
}
