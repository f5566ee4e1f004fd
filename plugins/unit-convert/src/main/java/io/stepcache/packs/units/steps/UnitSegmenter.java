package io.stepcache.packs.units.steps;

import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.segment.Segmenter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** One step per non-blank line; list markers ({@code 2.}, {@code -}, {@code *}) are dropped. */
public final class UnitSegmenter implements Segmenter {

  private static final Pattern MARKER = Pattern.compile("^(?:\\d+[.)]\\s+|[-*•]\\s+)");

  @Override
  public List<String> segment(String output, TaskRequest request) {
    return Arrays.stream(output.split("\\R"))
        .map(String::strip)
        .map(l -> MARKER.matcher(l).replaceFirst(""))
        .filter(l -> !l.isEmpty())
        .toList();
  }
}
