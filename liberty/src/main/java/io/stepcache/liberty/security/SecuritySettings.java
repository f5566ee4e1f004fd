package io.stepcache.liberty.security;

import io.stepcache.identity.SecurityMode;
import io.stepcache.identity.ThrottlePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The security settings ({@code stepcache.security.*}); each default is written here once and listed in README's
 * security section. A bad value fails the start with a message naming the key.
 */
@ApplicationScoped
public class SecuritySettings {

  @Inject
  @ConfigProperty(name = "stepcache.security.mode", defaultValue = "production")
  String mode;

  @Inject
  @ConfigProperty(name = "stepcache.security.trustedGateway", defaultValue = "false")
  boolean trustedGateway;

  @Inject
  @ConfigProperty(name = "stepcache.security.dir", defaultValue = "stepcache-security")
  String dir;

  @Inject
  @ConfigProperty(name = "stepcache.security.lockAfter", defaultValue = "20")
  int lockAfter;

  @Inject
  @ConfigProperty(name = "stepcache.security.lockFor", defaultValue = "PT15M")
  Duration lockFor;

  /** {@code production} (every call needs a key) or {@code dev} (completions without a key on {@code default}). */
  public SecurityMode mode() {
    return SecurityMode.parse(mode).orElseThrow(() -> invalid("stepcache.security.mode", mode, "production or dev"));
  }

  /** Whether gateway keys may name the tenant of each request. */
  public boolean trustedGateway() {
    return trustedGateway;
  }

  /**
   * The directory of the key file ({@code api-keys.json}) and the first administrator key ({@code admin.key});
   * relative paths are under the server's output directory, where Liberty runs.
   */
  public Path dir() {
    String d = dir.strip();
    if (d.isEmpty() || d.contains("${")) {
      throw invalid("stepcache.security.dir", dir, "a directory path without unresolved variables");
    }
    return Path.of(d).toAbsolutePath().normalize();
  }

  /** How failed authentications are throttled: the defaults with {@code lockAfter} and {@code lockFor}. */
  public ThrottlePolicy throttle() {
    if (lockAfter < 1) {
      throw invalid("stepcache.security.lockAfter", lockAfter, "a positive number of failures");
    }
    if (lockFor.isNegative() || lockFor.isZero()) {
      throw invalid("stepcache.security.lockFor", lockFor, "a positive ISO-8601 duration such as PT15M");
    }
    return ThrottlePolicy.defaults().withLockAfter(lockAfter).withLockFor(lockFor);
  }

  private static IllegalStateException invalid(String key, Object value, String allowed) {
    return new IllegalStateException("Invalid setting " + key + "=" + value + ": expected " + allowed);
  }
}
