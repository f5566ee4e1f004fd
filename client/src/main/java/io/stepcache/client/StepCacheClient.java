package io.stepcache.client;

import io.stepcache.client.internal.ConfiguredApiKey;
import io.stepcache.client.internal.ProblemExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * StepCache's native API as a MicroProfile Rest Client: inject it with {@code @Inject @RestClient} (base URL from
 * {@code stepcache/mp-rest/url}, API key from {@value #API_KEY_PROPERTY}) or build it with {@link StepCacheClients}.
 * Thread-safe, like every MicroProfile Rest Client.
 */
@RegisterRestClient(configKey = StepCacheClient.CONFIG_KEY)
@RegisterProvider(ProblemExceptionMapper.class)
@RegisterClientHeaders(ConfiguredApiKey.class)
@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface StepCacheClient {

  /** The MicroProfile Rest Client config key: {@code stepcache/mp-rest/url}, {@code stepcache/mp-rest/readTimeout}, ... */
  String CONFIG_KEY = "stepcache";

  /**
   * The MicroProfile Config property with the API key sent as {@code Authorization: Bearer <key>} (environment
   * variable {@code STEPCACHE_CLIENT_APIKEY}). Unset: no key from configuration.
   */
  String API_KEY_PROPERTY = "stepcache.client.apiKey";

  /**
   * Serves one completion through the step cache: {@code POST /api/v1/completions}.
   *
   * @return the answer, the path it took ({@link CachePath}), how far it may be trusted and what it cost
   * @throws StepCacheProblemException when the server refuses or fails the request (any 4xx or 5xx), with the
   *     problem's code ({@code PROMPT_EMPTY}, {@code UNKNOWN_TASK}, {@code UNAUTHORIZED}, ...)
   */
  @POST
  @Path("completions")
  Completion complete(CompletionRequest request) throws StepCacheProblemException;
}
