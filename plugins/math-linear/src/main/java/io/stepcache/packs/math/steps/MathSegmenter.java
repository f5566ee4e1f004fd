package io.stepcache.packs.math.steps;

import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.segment.Segmenter;
import java.util.List;
import java.util.Optional;

/** One step per line of the answer, cleaned by {@link LineCleaner}; chatter lines are dropped. */
public final class MathSegmenter implements Segmenter {

  @Override
  public List<String> segment(String output, TaskRequest request) {
    return output.lines().map(LineCleaner::clean).flatMap(Optional::stream).toList();
  }
}
