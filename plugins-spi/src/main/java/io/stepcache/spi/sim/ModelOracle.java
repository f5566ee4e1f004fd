package io.stepcache.spi.sim;

import java.util.Optional;

/** A perfect model for the prompts one pack builds (simulated backend only). */
@FunctionalInterface
public interface ModelOracle {

  /** The correct answer text to {@code prompt}, or empty when the prompt is not this pack's. */
  Optional<String> answer(String prompt);
}
