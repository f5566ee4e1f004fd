package io.stepcache.engine;

import io.stepcache.spi.StepOrigin;
import java.util.Objects;

/**
 * One step of a response.
 *
 * @param index 0-based position
 * @param text the step text
 * @param origin where it came from
 * @param verified whether the pack's rules passed it
 * @param verification how far this step may be trusted ({@link TrustLevel}): {@code NONE} when the
 *     rules fail it, {@code CHECKED} for a checked pack, {@code CONFIRMED} when it is confirmed (or
 *     determined by the rules), else {@code GROUNDED}
 */
public record ServedStep(int index, String text, StepOrigin origin, boolean verified, TrustLevel verification) {

  /** A step without a trust level of its own: {@code GROUNDED} when verified, else {@code NONE}. */
  public ServedStep(int index, String text, StepOrigin origin, boolean verified) {
    this(index, text, origin, verified, verified ? TrustLevel.GROUNDED : TrustLevel.NONE);
  }

  public ServedStep {
    Objects.requireNonNull(verification, "verification");
    if (verified == (verification == TrustLevel.NONE)) {
      throw new IllegalArgumentException("verification " + verification + " contradicts verified=" + verified);
    }
  }
}
