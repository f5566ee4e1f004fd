package io.stepcache.liberty.config;

import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulationProfile;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated backend ({@code stepcache.backend=simulated}): {@code stepcache.backend.sim.*} (no
 * field initializers, see {@link StoreProperties}).
 */
@Dependent
@ConfigProperties(prefix = "stepcache.backend.sim")
public class SimulatorProperties {

  @ConfigProperty(name = "seed", defaultValue = "42")
  long seed;

  @ConfigProperty(name = "timeToFirstToken", defaultValue = "PT0.15S")
  Duration timeToFirstToken;

  @ConfigProperty(name = "prefillTokensPerSecond", defaultValue = "300")
  double prefillTokensPerSecond;

  @ConfigProperty(name = "decodeTokensPerSecond", defaultValue = "43")
  double decodeTokensPerSecond;

  @ConfigProperty(name = "error.wrongArithmetic", defaultValue = "0")
  double wrongArithmetic;

  @ConfigProperty(name = "error.wrongSign", defaultValue = "0")
  double wrongSign;

  @ConfigProperty(name = "error.missingJsonKey", defaultValue = "0")
  double missingJsonKey;

  @ConfigProperty(name = "error.malformedJson", defaultValue = "0")
  double malformedJson;

  @ConfigProperty(name = "error.truncated", defaultValue = "0")
  double truncated;

  /** Grounded distractors: a JSON value replaced by another same-typed span of the source text. */
  @ConfigProperty(name = "error.groundedDistractor", defaultValue = "0")
  double groundedDistractor;

  @ConfigProperty(name = "error.activeCalls", defaultValue = "2147483647")
  int errorActiveCalls;

  /** The simulated model's seed. */
  public long seed() {
    return seed;
  }

  /** The simulated backend's latency model. */
  public SimulationProfile profile() {
    try {
      return new SimulationProfile(timeToFirstToken, prefillTokensPerSecond, decodeTokensPerSecond);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid simulated backend profile (stepcache.backend.sim.*): " + e.getMessage(), e);
    }
  }

  /** The simulated backend's error rates. */
  public ErrorInjection errors() {
    try {
      return new ErrorInjection(wrongArithmetic, wrongSign, missingJsonKey, malformedJson, truncated,
          errorActiveCalls, groundedDistractor);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid simulated backend error rates (stepcache.backend.sim.error.*): " + e.getMessage(), e);
    }
  }
}
