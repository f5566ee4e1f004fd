package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.liberty.cdi.StepCacheRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Deleting cached answers (the API contract in openapi.yaml), administrators only ({@link AdminOnly}). Each answers
 * {@code {"removed": n}}:
 *
 * <ul>
 *   <li>{@code DELETE /api/v1/entries/{id}}: the entry with that id (the {@code entryId}/{@code storedEntryId} of a
 *       response, {@code X-StepCache-Entry}); 404 when there is none;
 *   <li>{@code DELETE /api/v1/entries?tenant=t}: every entry of tenant {@code t};
 *   <li>{@code DELETE /api/v1/entries?pack=id}: every entry of pack {@code id}, every version;
 *   <li>{@code DELETE /api/v1/entries?all=true}: every entry.
 * </ul>
 *
 * Exactly one selector; none or several is a 400. Requests already running may still store their answers.
 */
@ApplicationScoped
@Path("v1/entries")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class EntriesResource {

  private static final Logger LOG = Logger.getLogger(EntriesResource.class.getName());

  @Inject StepCacheRuntime runtime;

  @DELETE
  @Path("{id}")
  public Response deleteOne(@PathParam("id") String id) {
    if (!id.startsWith(EntryKey.ID_PREFIX)) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "An entry id starts with '" + EntryKey.ID_PREFIX
          + "' (the entryId of a response), not '" + id + "'");
    }
    int removed = evict(k -> k.id().equals(id), "entry " + id);
    if (removed == 0) {
      return Problems.of(404, "UNKNOWN_ENTRY", "Unknown cache entry", "There is no cached entry '" + id
          + "' (it may have expired or been deleted)", Map.of());
    }
    return removed(removed);
  }

  @DELETE
  public Response deleteMany(@QueryParam("tenant") String tenant, @QueryParam("pack") String pack,
      @QueryParam("all") String all) {
    long selectors = Stream.of(tenant, pack, all).filter(v -> v != null).count();
    if (selectors != 1) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "Name exactly one of tenant=<tenant>, pack=<pack id> "
          + "or all=true (this request names " + selectors + ")");
    }
    if (tenant != null) {
      return removed(evict(k -> k.tenant().equals(tenant), "tenant " + tenant));
    }
    if (pack != null) {
      return removed(evict(k -> k.packId().equals(pack), "pack " + pack));
    }
    if (!all.equals("true")) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "all must be 'true', not '" + all + "'");
    }
    return removed(evict(k -> true, "every tenant and pack"));
  }

  private int evict(Predicate<EntryKey> which, String what) {
    List<EntryKey> removed = runtime.engine().evict(which);
    LOG.info(() -> "Deleted " + removed.size() + " cached entries of " + what);
    return removed.size();
  }

  private static Response removed(int n) {
    return Response.ok(Jsonp.createObjectBuilder().add("removed", n).build().toString()).build();
  }
}
