package io.stepcache.liberty.rest;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.CompletionResult;
import io.stepcache.identity.Caller;
import io.stepcache.liberty.cdi.StepCacheRuntime;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.liberty.security.CallerPrincipal;
import io.stepcache.liberty.security.Identities;
import io.stepcache.liberty.stream.StepStream;
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
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /api/v1/completions}: the native API (the API contract in openapi.yaml). The body is read here,
 * with the size limit {@code stepcache.maxRequestBytes}, and parsed with JSON-P so that every bad
 * input gets a problem+json answer. With {@code Accept: text/event-stream} the answer streams ({@link
 * NativeStream}); {@code Cache-Control} and {@code X-StepCache-TTL} are read by {@link CacheHeaders}.
 */
@ApplicationScoped
@Path("v1/completions")
public class CompletionsResource {

  @Inject StepCacheRuntime runtime;
  @Inject StepCacheMetrics metrics;
  @Inject Identities identities;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, NativeStream.EVENT_STREAM})
  public Response complete(
      InputStream body,
      @HeaderParam("Content-Length") String contentLength,
      @HeaderParam("Cache-Control") String cacheControl,
      @HeaderParam(CacheHeaders.TTL) String ttl,
      @HeaderParam("Accept") String accept,
      @Context SecurityContext security,
      @Context Providers providers) throws InterruptedException {
    long t0 = System.nanoTime();
    byte[] bytes = RequestBody.read(body, RequestBody.declaredLength(contentLength), runtime.maxRequestBytes());
    Optional<Caller> caller = CallerPrincipal.of(security);
    CompletionRequest request =
        CompletionJson.parseRequest(bytes, claimed -> identities.policy().tenantOf(caller, claimed))
            .withCache(CacheHeaders.read(cacheControl, ttl, caller, runtime.storeTtl()));
    if (accept != null && accept.toLowerCase(Locale.ROOT).contains(NativeStream.EVENT_STREAM)) {
      return NativeStream.respond(StepStream.start(runtime.streamWorkers(), runtime.engine(), request), providers,
          metrics, request.tenant(), t0);
    }
    CompletionResult result = runtime.engine().complete(request);
    metrics.served(result, request.tenant(), System.nanoTime() - t0);
    return Response.ok(CompletionJson.toJson(result).toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
