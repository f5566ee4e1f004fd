package io.stepcache.spi.repair;

import io.stepcache.spi.Signature;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.verify.Verification;
import java.util.List;

/** What a repair strategy works with. One context per request; not shared between threads. */
public interface RepairContext {

  TaskRequest request();

  Signature signature();

  /** The current steps with their origins (may be empty when the output could not be segmented). */
  List<Draft> steps();

  /** The current steps' verification. */
  Verification verification();

  /** The last raw model output, or {@code null} when the steps came from the cache. */
  String rawOutput();

  /** Calls the backend (counted in the response's usage). */
  ModelCall model();

  /** Runs the pack's rules on a candidate step list. */
  Verification verify(List<String> steps);
}
