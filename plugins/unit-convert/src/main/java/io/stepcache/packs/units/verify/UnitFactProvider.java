package io.stepcache.packs.units.verify;

import io.stepcache.packs.units.Conversion;
import io.stepcache.packs.units.catalogue.Unit;
import io.stepcache.packs.units.catalogue.UnitCatalogue;
import io.stepcache.packs.units.steps.ParsedStep;
import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.FactProvider;
import java.util.ArrayList;
import java.util.List;

/** One {@link ConversionTask}, one {@link ConversionStep} per step and the {@link StepOutline}. */
public final class UnitFactProvider implements FactProvider {

  private final UnitCatalogue units;

  public UnitFactProvider(UnitCatalogue units) {
    this.units = units;
  }

  @Override
  public List<Object> verificationFacts(
      TaskRequest request, Signature signature, List<String> steps, String stitched, String answerJson) {
    Conversion c = Conversion.of(signature, units);
    ConversionTask task = new ConversionTask(
        Double.parseDouble(c.value()), c.from().symbol(), c.to().symbol(), c.factor().doubleValue(), c.result().doubleValue());
    List<Object> facts = new ArrayList<>();
    facts.add(task);
    List<io.stepcache.packs.units.steps.StepKind> kinds = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      ParsedStep p = ParsedStep.parse(steps.get(i));
      kinds.add(p.kind());
      facts.add(new ConversionStep(i, steps.get(i), p, task, symbol(p.from()), symbol(p.to())));
    }
    facts.add(new StepOutline(kinds));
    return facts;
  }

  private String symbol(String name) {
    return name == null ? null : units.find(name).map(Unit::symbol).orElse(null);
  }
}
