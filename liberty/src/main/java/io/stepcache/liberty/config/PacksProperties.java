package io.stepcache.liberty.config;

import jakarta.enterprise.context.Dependent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Hot-deployed task packs: {@code stepcache.packs.*} (no field initializers, see {@link StoreProperties}). */
@Dependent
@ConfigProperties(prefix = "stepcache.packs")
public class PacksProperties {

  @ConfigProperty(name = "dir")
  Optional<String> dir;

  @ConfigProperty(name = "scanInterval", defaultValue = "PT0.5S")
  Duration scanInterval;

  @ConfigProperty(name = "maxUploadBytes", defaultValue = "67108864")
  long maxUploadBytes;

  @ConfigProperty(name = "drainTimeout", defaultValue = "PT60S")
  Duration drainTimeout;

  /**
   * The directory of hot-deployed pack jars (created when missing). Unset means {@code packs} in the
   * working directory, which for Liberty is the server's output directory.
   */
  public Path dir() {
    return Checks.directory(ConfigKeys.key(PacksProperties.class, "dir"), dir, "packs");
  }

  /** How often the packs directory is scanned; zero turns watching off (it is still read at start). */
  public Duration scanInterval() {
    return Checks.notNegative(ConfigKeys.key(PacksProperties.class, "scanInterval"), scanInterval,
        "a duration of zero (off) or more");
  }

  /** Largest pack jar {@code POST/PUT /api/v1/packs} accepts, in bytes (413 above). */
  public long maxUploadBytes() {
    return Checks.positive(ConfigKeys.key(PacksProperties.class, "maxUploadBytes"), maxUploadBytes,
        "a positive number of bytes");
  }

  /** How long a replaced or removed pack may finish the requests running on it before it is closed anyway. */
  public Duration drainTimeout() {
    return Checks.notNegative(ConfigKeys.key(PacksProperties.class, "drainTimeout"), drainTimeout,
        "a duration of zero or more");
  }
}
