package io.stepcache.packs.json.repair;

import io.stepcache.spi.repair.Draft;
import io.stepcache.spi.repair.RepairContext;
import io.stepcache.spi.verify.Verification;
import java.util.List;

/** Keeps a repair's result unless it verifies worse than the steps the strategy was given. */
final class BestAttempt {

  private BestAttempt() {}

  /**
   * {@code candidate} unless it verifies worse ({@link Verification#SEVERITY}) than the context's
   * steps, else those steps.
   */
  static List<Draft> choose(RepairContext context, List<Draft> candidate) {
    if (candidate.isEmpty()) {
      return context.steps();
    }
    Verification verified = context.verify(candidate.stream().map(Draft::text).toList());
    boolean currentUsable = !context.steps().isEmpty();
    return currentUsable && verified.worseThan(context.verification()) ? context.steps() : candidate;
  }
}
