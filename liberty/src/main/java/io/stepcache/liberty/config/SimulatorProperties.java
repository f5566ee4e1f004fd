package io.stepcache.liberty.config;

import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulationProfile;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated backend ({@code stepcache.backend=simulated}): {@code stepcache.backend.sim.*}. An
 * unset latency key takes its value from {@link SimulationProfile#llamaServerDefaults()}, an unset
 * error key from {@link ErrorInjection#none()} (no field initializers, see {@link StoreProperties}).
 */
@Dependent
@ConfigProperties(prefix = "stepcache.backend.sim")
public class SimulatorProperties {

  @ConfigProperty(name = "seed", defaultValue = "42")
  long seed;

  @ConfigProperty(name = "timeToFirstToken")
  Optional<Duration> timeToFirstToken;

  @ConfigProperty(name = "prefillTokensPerSecond")
  Optional<Double> prefillTokensPerSecond;

  @ConfigProperty(name = "decodeTokensPerSecond")
  Optional<Double> decodeTokensPerSecond;

  @ConfigProperty(name = "error.wrongArithmetic")
  Optional<Double> wrongArithmetic;

  @ConfigProperty(name = "error.wrongSign")
  Optional<Double> wrongSign;

  @ConfigProperty(name = "error.missingJsonKey")
  Optional<Double> missingJsonKey;

  @ConfigProperty(name = "error.malformedJson")
  Optional<Double> malformedJson;

  @ConfigProperty(name = "error.truncated")
  Optional<Double> truncated;

  /** Grounded distractors: a JSON value replaced by another same-typed span of the source text. */
  @ConfigProperty(name = "error.groundedDistractor")
  Optional<Double> groundedDistractor;

  @ConfigProperty(name = "error.activeCalls")
  Optional<Integer> errorActiveCalls;

  /** The simulated model's seed. */
  public long seed() {
    return seed;
  }

  /** The simulated backend's latency model. */
  public SimulationProfile profile() {
    SimulationProfile d = SimulationProfile.llamaServerDefaults();
    try {
      return new SimulationProfile(timeToFirstToken.orElse(d.timeToFirstToken()),
          prefillTokensPerSecond.orElse(d.prefillTokensPerSecond()),
          decodeTokensPerSecond.orElse(d.decodeTokensPerSecond()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid simulated backend profile (stepcache.backend.sim.*): " + e.getMessage(), e);
    }
  }

  /** The simulated backend's error rates. */
  public ErrorInjection errors() {
    ErrorInjection d = ErrorInjection.none();
    try {
      return new ErrorInjection(wrongArithmetic.orElse(d.wrongArithmetic()), wrongSign.orElse(d.wrongSign()),
          missingJsonKey.orElse(d.missingJsonKey()), malformedJson.orElse(d.malformedJson()),
          truncated.orElse(d.truncated()), errorActiveCalls.orElse(d.activeCalls()),
          groundedDistractor.orElse(d.groundedDistractor()));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Invalid simulated backend error rates (stepcache.backend.sim.error.*): " + e.getMessage(), e);
    }
  }
}
