package io.stepcache.spi.segment;

import io.stepcache.spi.TaskRequest;
import java.util.List;

/** Splits answer text into ordered steps. */
@FunctionalInterface
public interface Segmenter {

  /**
   * The steps of {@code output}, in order, each trimmed and non-empty. Returns an empty list when
   * the output holds nothing recognisable (e.g. no JSON object at all); the engine then treats the
   * whole output as failed and repairs it.
   */
  List<String> segment(String output, TaskRequest request);
}
