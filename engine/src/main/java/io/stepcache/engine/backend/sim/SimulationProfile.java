package io.stepcache.engine.backend.sim;

import java.time.Duration;

/**
 * The latency model of the simulated model server: {@code latency = timeToFirstToken +
 * promptTokens / prefillTokensPerSecond + completionTokens / decodeTokensPerSecond}.
 *
 * @param timeToFirstToken fixed cost of every call
 * @param prefillTokensPerSecond prompt processing rate
 * @param decodeTokensPerSecond output generation rate
 */
public record SimulationProfile(
    Duration timeToFirstToken, double prefillTokensPerSecond, double decodeTokensPerSecond) {

  public SimulationProfile {
    if (timeToFirstToken.isNegative() || prefillTokensPerSecond <= 0 || decodeTokensPerSecond <= 0) {
      throw new IllegalArgumentException(
          "Simulation profile needs a non-negative time to first token and positive rates: " + timeToFirstToken
              + ", " + prefillTokensPerSecond + ", " + decodeTokensPerSecond);
    }
  }

  /**
   * Measured from a real llama-server on this machine class (2 cores) with a Qwen2.5-0.5B-shaped
   * Q8_0 model: about 0.15 s to first token, 300 prompt tokens/s, 43 output tokens/s.
   */
  public static SimulationProfile llamaServerDefaults() {
    return new SimulationProfile(Duration.ofMillis(150), 300, 43);
  }

  /** The simulated time to generate {@code completionTokens} once the first token is out. */
  public Duration decodeTime(long completionTokens) {
    return Duration.ofNanos(Math.round(completionTokens / decodeTokensPerSecond * 1e9));
  }

  /** The simulated time one call takes. */
  public Duration latency(long promptTokens, long completionTokens) {
    double seconds = promptTokens / prefillTokensPerSecond + completionTokens / decodeTokensPerSecond;
    return timeToFirstToken.plusNanos(Math.round(seconds * 1e9));
  }
}
