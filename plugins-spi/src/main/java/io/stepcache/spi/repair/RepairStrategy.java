package io.stepcache.spi.repair;

import java.util.List;

/** One way of repairing failing steps. Strategies of a pack are tried in order. */
public interface RepairStrategy {

  /** Short name for logs and metrics, e.g. {@code continuation}. */
  String name();

  /**
   * Returns the repaired step list, or the context's steps unchanged when this strategy could not
   * help. Must not loop without bound: every model call costs the user time and tokens.
   */
  List<Draft> repair(RepairContext context);
}
