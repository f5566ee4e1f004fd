package io.stepcache.liberty.config;

import io.stepcache.identity.SecurityMode;
import io.stepcache.identity.ThrottlePolicy;
import jakarta.enterprise.context.Dependent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who may call ({@code stepcache.security.*}; README, Security). */
@Dependent
@ConfigProperties(prefix = "stepcache.security")
public class SecurityProperties {

  @ConfigProperty(name = "mode", defaultValue = "production")
  String mode;

  @ConfigProperty(name = "trustedGateway", defaultValue = "false")
  boolean trustedGateway;

  @ConfigProperty(name = "adminHttpsOnly", defaultValue = "false")
  boolean adminHttpsOnly;

  @ConfigProperty(name = "dir")
  Optional<String> dir;

  @ConfigProperty(name = "lockAfter")
  Optional<Integer> lockAfter;

  @ConfigProperty(name = "lockFor")
  Optional<Duration> lockFor;

  /** {@code production} (every call needs a key) or {@code dev} (completions without a key on {@code default}). */
  public SecurityMode mode() {
    String[] allowed = Arrays.stream(SecurityMode.values()).map(SecurityMode::wireName).toArray(String[]::new);
    return SecurityMode.parse(Checks.oneOf(ConfigKeys.key(SecurityProperties.class, "mode"), mode, allowed))
        .orElseThrow();
  }

  /** Whether gateway keys may name the tenant of each request. */
  public boolean trustedGateway() {
    return trustedGateway;
  }

  /** Whether administration (packs, keys) over plain HTTP is refused. */
  public boolean adminHttpsOnly() {
    return adminHttpsOnly;
  }

  /**
   * The directory of the key file ({@code api-keys.json}) and the first administrator key ({@code admin.key}).
   * Unset means {@code stepcache-security} in the server's output directory, where Liberty runs.
   */
  public Path dir() {
    return Checks.directory(ConfigKeys.key(SecurityProperties.class, "dir"), dir, "stepcache-security");
  }

  /** How failed authentications are throttled: the defaults with {@code lockAfter} and {@code lockFor}. */
  public ThrottlePolicy throttle() {
    ThrottlePolicy defaults = ThrottlePolicy.defaults(); // the defaults are the identity module's
    int after = (int) Checks.positive(ConfigKeys.key(SecurityProperties.class, "lockAfter"),
        lockAfter.orElse(defaults.lockAfter()), "a positive number of failures");
    Duration lock = Checks.positive(ConfigKeys.key(SecurityProperties.class, "lockFor"),
        lockFor.orElse(defaults.lockFor()));
    return defaults.withLockAfter(after).withLockFor(lock);
  }
}
