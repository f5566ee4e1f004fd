package io.stepcache.spi;

/** Claims prompts for a pack when the client names no task. */
@FunctionalInterface
public interface Detector {

  /**
   * How confident the pack is that it handles this prompt: 0 (not mine) to 1 (certainly mine). The
   * engine picks the highest claim above zero; ties go to the pack id that sorts first.
   */
  double claim(TaskRequest request);
}
