package io.stepcache.engine.pack;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;

/**
 * The one way a pack is refused: {@code PACK_REJECTED} with the message "{@code <what> was
 * rejected: <why>}", so every refusal (a bad jar, an SPI range, rules that do not compile, a
 * failing start, a duplicate id) reads the same wherever it is found.
 */
public final class PackRejection {

  private PackRejection() {}

  /** Pack {@code packId} is refused because {@code why}. */
  public static StepCacheException of(String packId, String why) {
    return of(packId, why, null);
  }

  /** Pack {@code packId} is refused because {@code why}, caused by {@code cause} (may be null). */
  public static StepCacheException of(String packId, String why, Throwable cause) {
    return rejected("Task pack '" + packId + "'", why, cause);
  }

  /**
   * A pack jar is refused before a pack id is known; {@code jar} names it as a sentence's subject
   * ("The uploaded pack jar", "Pack jar 'x.jar'").
   */
  public static StepCacheException ofJar(String jar, String why, Throwable cause) {
    return rejected(jar, why, cause);
  }

  private static StepCacheException rejected(String subject, String why, Throwable cause) {
    String message = subject + " was rejected: " + why;
    return cause == null
        ? new StepCacheException(ErrorCode.PACK_REJECTED, message)
        : new StepCacheException(ErrorCode.PACK_REJECTED, message, cause);
  }
}
