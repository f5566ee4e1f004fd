package io.stepcache.spi.repair;

import io.stepcache.spi.StepOrigin;
import java.util.Objects;

/**
 * A step being assembled for the response: its text and where it came from.
 *
 * @param text the step text
 * @param origin how it was produced
 */
public record Draft(String text, StepOrigin origin) {
  public Draft {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(origin, "origin");
  }
}
