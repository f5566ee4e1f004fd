package io.stepcache.liberty.config;

import io.stepcache.identity.SecurityMode;
import io.stepcache.packhost.PackSignatures;
import jakarta.enterprise.context.Dependent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  @ConfigProperty(name = "requireSigned")
  Optional<Boolean> requireSigned;

  @ConfigProperty(name = "trustedCertificates")
  Optional<String> trustedCertificates;

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

  /** Whether deployed jars must be signed; unset means: in production mode. */
  public Optional<Boolean> requireSigned() {
    return requireSigned;
  }

  /** The PEM or DER file of the certificates whose signatures are trusted, if set. */
  public Optional<String> trustedCertificates() {
    return trustedCertificates.map(String::strip).filter(s -> !s.isEmpty());
  }

  /**
   * Which deployed jars may run in {@code mode}: any, or (required unless set off; on by default in production
   * mode) only those signed by a certificate of {@link #trustedCertificates()}. Required with no certificates
   * set, every jar is rejected, saying so; the built-in packs are not jars and always run.
   */
  public PackSignatures signatures(SecurityMode mode) {
    if (!requireSigned.orElse(mode == SecurityMode.PRODUCTION)) {
      return PackSignatures.notRequired();
    }
    Optional<String> file = trustedCertificates();
    if (file.isEmpty()) {
      return PackSignatures.trusting(List.of());
    }
    try {
      return PackSignatures.trustingFile(Path.of(file.get()));
    } catch (IllegalArgumentException e) {
      throw Checks.invalid(ConfigKeys.key(PacksProperties.class, "trustedCertificates"), file.get(),
          "a PEM or DER file of X.509 certificates (" + e.getMessage() + ")");
    }
  }

  /** How long a replaced or removed pack may finish the requests running on it before it is closed anyway. */
  public Duration drainTimeout() {
    return Checks.notNegative(ConfigKeys.key(PacksProperties.class, "drainTimeout"), drainTimeout,
        "a duration of zero or more");
  }
}
