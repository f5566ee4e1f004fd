package io.stepcache.liberty.rest;

import io.stepcache.engine.pack.PackInfo;
import io.stepcache.liberty.cdi.StepCacheRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/packs}: the loaded task packs.
 *
 * <p>STEPCACHE.md section 8 puts pack administration behind an administrator role. Until that issue
 * lands this listing is open (it shows only ids, versions, states and rules hashes); upload and
 * removal do not exist yet.
 */
@ApplicationScoped
@Path("v1/packs")
public class PacksResource {

  @Inject StepCacheRuntime runtime;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list() {
    JsonArrayBuilder packs = Json.createArrayBuilder();
    for (PackInfo p : runtime.engine().packs()) {
      JsonObjectBuilder b = Json.createObjectBuilder()
          .add("id", p.id())
          .add("version", p.version())
          .add("description", p.description())
          .add("state", p.state().name())
          .add("rulesHash", p.rulesHash() == null ? "" : p.rulesHash());
      if (p.error() != null) {
        b.add("error", p.error());
      }
      packs.add(b);
    }
    return Response.ok(packs.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }
}
