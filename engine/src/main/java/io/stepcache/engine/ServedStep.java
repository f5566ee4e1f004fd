package io.stepcache.engine;

import io.stepcache.spi.StepOrigin;

/**
 * One step of a response.
 *
 * @param index 0-based position
 * @param text the step text
 * @param origin where it came from
 * @param verified whether the pack's rules passed it
 */
public record ServedStep(int index, String text, StepOrigin origin, boolean verified) {}
