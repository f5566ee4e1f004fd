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
   *
   * <p>While an answer streams in, the engine also calls this on the text received so far: every step
   * followed by another counts as complete and is verified and sent at once. A segmenter whose steps of a
   * prefix are the leading steps of the whole answer streams step by step; one that cannot segment a partial
   * text may return an empty list or throw (the answer is then sent when it is complete).
   */
  List<String> segment(String output, TaskRequest request);

  /**
   * What step {@code step} at position {@code index} is about, so two answers can be compared
   * step by step: two steps with the same slot and different texts contradict each other. Defaults
   * to the position; a pack whose steps are keyed (one step per JSON key) returns the key. Since
   * SPI 1.1.
   */
  default String slot(String step, int index) {
    return Integer.toString(index);
  }
}
