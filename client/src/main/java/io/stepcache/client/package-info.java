/**
 * A typed MicroProfile Rest Client for StepCache's native API, {@code POST /api/v1/completions}.
 *
 * <p>In a Jakarta EE / MicroProfile application, inject it and configure it with MicroProfile Config:
 *
 * <pre>{@code
 * @Inject @RestClient StepCacheClient stepcache;
 * Completion c = stepcache.complete(CompletionRequest.of("Solve 3x + 5 = 20.", "math-linear"));
 *
 * # microprofile-config.properties (or the environment: STEPCACHE_CLIENT_APIKEY)
 * stepcache/mp-rest/url=http://localhost:9080
 * stepcache.client.apiKey=sck_...
 * }</pre>
 *
 * <p>Outside a container, {@link io.stepcache.client.StepCacheClients#create} builds one with
 * {@code RestClientBuilder}. Every refusal of the server (an {@code application/problem+json} answer, 4xx or 5xx)
 * is thrown as a {@link io.stepcache.client.StepCacheProblemException} carrying the problem's stable {@code code}.
 * The response records ignore properties they do not know, so a newer server does not break an older client.
 */
package io.stepcache.client;
