package io.stepcache.liberty.rest;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.identity.Caller;
import io.stepcache.liberty.cdi.StepCacheRuntime;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.security.CallerPrincipal;
import io.stepcache.liberty.security.Identities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code POST /api/v1/completions}: the native API (the API contract in openapi.yaml). The body is read here,
 * with the size limit {@code stepcache.maxRequestBytes}, and parsed with JSON-P so that every bad
 * input gets a problem+json answer.
 */
@ApplicationScoped
@Path("v1/completions")
public class CompletionsResource {

  @Inject StepCacheRuntime runtime;
  @Inject StepCacheMetrics metrics;
  @Inject Identities identities;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response complete(
      InputStream body,
      @HeaderParam("Content-Length") String contentLength,
      @HeaderParam("Cache-Control") String cacheControl,
      @HeaderParam(CacheHeaders.TTL) String ttl,
      @Context SecurityContext security) {
    long t0 = System.nanoTime();
    byte[] bytes = RequestBody.read(body, RequestBody.declaredLength(contentLength), runtime.maxRequestBytes());
    Optional<Caller> caller = CallerPrincipal.of(security);
    CompletionRequest request =
        CompletionJson.parseRequest(bytes, claimed -> identities.policy().tenantOf(caller, claimed))
            .withCache(CacheHeaders.read(cacheControl, ttl, caller, runtime.storeTtl()));
    CompletionResult result = runtime.engine().complete(request);
    metrics.served(result, System.nanoTime() - t0);
    return Response.ok(CompletionJson.toJson(result).toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
