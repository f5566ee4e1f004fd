package io.stepcache.liberty.config;

import jakarta.enterprise.context.Dependent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The step store (embedded Infinispan): {@code stepcache.data.dir}, {@code stepcache.store.*}.
 *
 * <p>Like every settings bean: no field initializers and no static fields (MicroProfile Config maps
 * every field; an initialized field would be a hidden second default), and {@code @Dependent} so that
 * CDI discovers the class (bean-discovery-mode="annotated"): the configuration registers a
 * {@code @ConfigProperties} class when it sees the type, not from an injection point without a prefix
 * (without it the first use fails with SRCFG00027 "Could not find a mapping").
 */
@Dependent
@ConfigProperties(prefix = "stepcache")
public class StoreProperties {

  @ConfigProperty(name = "data.dir")
  Optional<String> dataDir;

  @ConfigProperty(name = "store.maxEntries", defaultValue = "10000")
  long maxEntries;

  @ConfigProperty(name = "store.ttl", defaultValue = "PT24H")
  Duration ttl;

  /**
   * Where Infinispan keeps its files. Unset means {@code stepcache-data} in the working directory,
   * which for Liberty is the server's output directory ({@code ${server.output.dir}}).
   */
  public Path dataDir() {
    return Checks.directory(ConfigKeys.key(StoreProperties.class, "dataDir"), dataDir, "stepcache-data");
  }

  /** Most entries the store keeps in memory (the rest stay on disk). */
  public long maxEntries() {
    return Checks.positive(ConfigKeys.key(StoreProperties.class, "maxEntries"), maxEntries, "a positive number");
  }

  /** How long a stored answer lives. */
  public Duration ttl() {
    return Checks.positive(ConfigKeys.key(StoreProperties.class, "ttl"), ttl);
  }
}
