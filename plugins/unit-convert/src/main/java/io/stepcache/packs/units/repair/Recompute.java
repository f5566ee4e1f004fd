package io.stepcache.packs.units.repair;

import io.stepcache.packs.units.Conversion;
import io.stepcache.packs.units.catalogue.UnitCatalogue;
import io.stepcache.spi.StepOrigin;
import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.repair.RepairStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic last resort: the three correct steps, computed exactly from the unit
 * catalogue. It cannot fail; steps it had to change are {@code SOLVED}, correct ones keep their
 * origin. No model call.
 */
public final class Recompute implements RepairStrategy {

  private final UnitCatalogue units;

  public Recompute(UnitCatalogue units) {
    this.units = units;
  }

  @Override
  public String name() {
    return "unit-recompute";
  }

  @Override
  public List<Draft> repair(RepairContext ctx) {
    List<String> correct = Conversion.of(ctx.signature(), units).steps();
    List<Draft> out = new ArrayList<>();
    for (int i = 0; i < correct.size(); i++) {
      Draft current = i < ctx.steps().size() ? ctx.steps().get(i) : null;
      out.add(current != null && current.text().equals(correct.get(i)) ? current : new Draft(correct.get(i), StepOrigin.SOLVED));
    }
    return out;
  }
}
