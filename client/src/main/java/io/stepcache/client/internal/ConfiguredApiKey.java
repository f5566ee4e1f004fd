package io.stepcache.client.internal;

import io.stepcache.client.StepCacheClient;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The {@code Authorization: Bearer} header from MicroProfile Config ({@value StepCacheClient#API_KEY_PROPERTY}),
 * looked up on every request, so a changed value takes effect at once. No key configured (or no MicroProfile Config
 * at all): no header, and the server answers 401 {@code UNAUTHORIZED}.
 */
public final class ConfiguredApiKey implements ClientHeadersFactory {

  private final Supplier<Optional<String>> key;

  /** Reads the key from MicroProfile Config. */
  public ConfiguredApiKey() {
    this(ConfiguredApiKey::fromConfig);
  }

  /** Reads the key from {@code key} (tests). */
  ConfiguredApiKey(Supplier<Optional<String>> key) {
    this.key = key;
  }

  @Override
  public MultivaluedMap<String, String> update(
      MultivaluedMap<String, String> incomingHeaders, MultivaluedMap<String, String> clientOutgoingHeaders) {
    MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
    key.get().map(String::strip).filter(k -> !k.isEmpty())
        .ifPresent(k -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + k));
    return headers;
  }

  private static Optional<String> fromConfig() {
    try {
      return ConfigProvider.getConfig().getOptionalValue(StepCacheClient.API_KEY_PROPERTY, String.class);
    } catch (IllegalStateException noConfigImplementation) {
      return Optional.empty();
    }
  }
}
