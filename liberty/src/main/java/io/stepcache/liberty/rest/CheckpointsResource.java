package io.stepcache.liberty.rest;

import io.stepcache.checkpoint.Plan;
import io.stepcache.liberty.cdi.StepCacheRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code POST /api/v1/checkpoints/plan}: optimal sparse checkpoint positions for a distribution
 * of prefix-overlap depths (docs/architecture.md, "Step checkpoints"), for serving engines that store resumable
 * state. Stateless; the exact O(N M) planner of the engine does the work.
 */
@ApplicationScoped
@Path("v1/checkpoints/plan")
public class CheckpointsResource {

  @Inject StepCacheRuntime runtime;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response plan(InputStream body, @HeaderParam("Content-Length") String contentLength) {
    byte[] bytes = RequestBody.read(body, RequestBody.declaredLength(contentLength), runtime.maxRequestBytes());
    Plan plan = CheckpointPlanJson.plan(bytes);
    return Response.ok(CheckpointPlanJson.toJson(plan).toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
