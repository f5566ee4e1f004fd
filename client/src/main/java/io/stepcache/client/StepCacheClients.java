package io.stepcache.client;

import io.stepcache.client.internal.BearerKeyFilter;
import java.net.URI;
import jakarta.ws.rs.Priorities;
import java.util.Objects;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * {@link StepCacheClient}s without CDI, through MicroProfile's {@link RestClientBuilder} (any implementation on the
 * class path: Open Liberty's, RESTEasy's, ...).
 */
public final class StepCacheClients {

  private StepCacheClients() {}

  /**
   * A client of the StepCache server at {@code baseUri} ({@code http://localhost:9080}) that sends {@code apiKey}.
   *
   * @throws IllegalArgumentException when the key is blank
   */
  public static StepCacheClient create(URI baseUri, String apiKey) {
    return builder(baseUri, apiKey).build(StepCacheClient.class);
  }

  /**
   * A builder set up like {@link #create}, for more settings (timeouts, TLS) before {@code build(StepCacheClient.class)}.
   * Its key wins over one configured as {@value StepCacheClient#API_KEY_PROPERTY}.
   *
   * @throws IllegalArgumentException when the key is blank
   */
  public static RestClientBuilder builder(URI baseUri, String apiKey) {
    Objects.requireNonNull(baseUri, "baseUri");
    return RestClientBuilder.newBuilder().baseUri(baseUri).register(new BearerKeyFilter(apiKey), Priorities.AUTHENTICATION);
  }
}
