package io.stepcache.liberty.config;

import io.stepcache.engine.NamedGroups;
import jakarta.enterprise.context.Dependent;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the server runs with and accepts: {@code stepcache.backend}, {@code stepcache.clock},
 * {@code stepcache.maxRequestBytes}, {@code stepcache.bench.echo.enabled}, {@code stepcache.metrics.tenantClasses}
 * (no field initializers, see {@link StoreProperties}).
 */
@Dependent
@ConfigProperties(prefix = "stepcache")
public class ServerProperties {

  @ConfigProperty(name = "backend", defaultValue = "simulated")
  String backend;

  @ConfigProperty(name = "clock", defaultValue = "real")
  String clock;

  @ConfigProperty(name = "maxRequestBytes", defaultValue = "65536")
  int maxRequestBytes;

  @ConfigProperty(name = "bench.echo.enabled", defaultValue = "false")
  boolean benchEchoEnabled;

  @ConfigProperty(name = "metrics.tenantClasses")
  Optional<String> tenantClasses;

  /**
   * Each tenant named in {@code stepcache.metrics.tenantClasses} ({@code class=tenant,tenant;class=...}) to its
   * class, the {@code tenant_class} label of the latency metrics (tenants in none are {@code other}): bounded
   * label values, whatever the number of tenants.
   */
  public Map<String, String> tenantClasses() {
    try {
      return NamedGroups.parse(tenantClasses.orElse(""), "tenant");
    } catch (IllegalArgumentException e) {
      throw Checks.invalid(ConfigKeys.key(ServerProperties.class, "tenantClasses"), tenantClasses.orElse(""),
          "class=tenant,tenant;class=tenant,... (" + e.getMessage() + ")");
    }
  }

  /** The backend kind: {@code simulated} or {@code openai}. */
  public String backend() {
    return Checks.oneOf(ConfigKeys.key(ServerProperties.class, "backend"), backend, "simulated", "openai");
  }

  /** {@code real} (wall clock) or {@code virtual} (simulated latency is reported, not waited). */
  public String clock() {
    return Checks.oneOf(ConfigKeys.key(ServerProperties.class, "clock"), clock, "real", "virtual");
  }

  /** Largest request body accepted, in bytes (413 above). */
  public int maxRequestBytes() {
    return (int) Checks.positive(ConfigKeys.key(ServerProperties.class, "maxRequestBytes"), maxRequestBytes,
        "a positive number of bytes");
  }

  /**
   * Whether {@code POST /api/v1/bench/echo} (the bare JAX-RS echo StepBench's load mode compares the
   * REUSE path with) answers; off by default, so production servers do not expose it.
   */
  public boolean benchEchoEnabled() {
    return benchEchoEnabled;
  }
}
