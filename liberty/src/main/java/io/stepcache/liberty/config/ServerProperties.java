package io.stepcache.liberty.config;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the server runs with and accepts: {@code stepcache.backend}, {@code stepcache.clock},
 * {@code stepcache.maxRequestBytes}, {@code stepcache.bench.echo.enabled} (no field initializers, see
 * {@link StoreProperties}).
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
