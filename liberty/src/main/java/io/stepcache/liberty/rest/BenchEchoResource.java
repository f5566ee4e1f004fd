package io.stepcache.liberty.rest;

import io.stepcache.liberty.cdi.StepCacheSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code POST /api/v1/bench/echo}: answers the request body unchanged as {@code application/json}.
 * The yardstick of StepBench's load mode (bench/README.md): the same server, JAX-RS application,
 * security configuration (none needed, like {@code /api/v1/completions}) and body size limit
 * ({@code stepcache.maxRequestBytes}) as the native API, but no JSON parsing, no engine and no
 * metrics, so its throughput is what this stack can do at all on the machine.
 *
 * <p>Off unless {@code stepcache.bench.echo.enabled=true}; when off it answers exactly like a path
 * that does not exist (404 {@code NOT_FOUND} as problem+json).
 */
@ApplicationScoped
@Path("v1/bench/echo")
public class BenchEchoResource {

  @Inject StepCacheSettings settings;

  private boolean enabled;
  private int maxRequestBytes;

  @PostConstruct
  void init() {
    enabled = settings.benchEchoEnabled();
    maxRequestBytes = settings.maxRequestBytes();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response echo(InputStream body, @HeaderParam("Content-Length") String contentLength) {
    if (!enabled) {
      throw new NotFoundException();
    }
    byte[] bytes = RequestBody.read(body, RequestBody.declaredLength(contentLength), maxRequestBytes);
    return Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
