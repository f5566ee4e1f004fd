package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.identity.ApiKeyInfo;
import io.stepcache.identity.CacheControl;
import io.stepcache.identity.IssuedKey;
import io.stepcache.identity.Role;
import io.stepcache.liberty.security.Identities;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Key administration (the API contract in openapi.yaml), administrators only ({@link AdminOnly}):
 *
 * <ul>
 *   <li>{@code POST /api/v1/keys} with {@code {"tenant", "role", "label", "cacheControl"}}: issues a key (201); the
 *       body carries the full key this once, it is stored only as a hash. {@code cacheControl} lists the cache
 *       directives the key's requests may send ({@code no-cache}, {@code no-store}, {@code max-age}, {@code ttl};
 *       all when left out);
 *   <li>{@code GET /api/v1/keys}: every key, active and revoked, without secrets;
 *   <li>{@code GET /api/v1/keys/{id}}: one of them;
 *   <li>{@code DELETE /api/v1/keys/{id}}: revokes it, refused from the next request on (204).
 * </ul>
 */
@ApplicationScoped
@Path("v1/keys")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

  /** Largest body of a key request. */
  private static final int MAX_BODY = 4096;

  private static final Logger LOG = Logger.getLogger(KeysResource.class.getName());

  @Inject Identities identities;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(InputStream body, @HeaderParam("Content-Length") String contentLength) {
    JsonObject o = JsonBodies.object(RequestBody.read(body, RequestBody.declaredLength(contentLength), MAX_BODY),
        "{\"tenant\": \"team-a\", \"role\": \"client\", \"label\": \"ci\"}");
    String tenant = JsonBodies.string(o, "tenant");
    if (tenant == null || tenant.isBlank()) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, "'tenant' is required: the tenant the key is bound to");
    }
    String roleName = JsonBodies.string(o, "role");
    Role role = roleName == null ? Role.CLIENT : Role.parse(roleName).orElseThrow(() -> new StepCacheException(
        ErrorCode.INVALID_REQUEST, "'role' must be one of " + Arrays.stream(Role.values()).map(Role::wireName).toList()
            + ", not '" + roleName + "'"));
    Set<CacheControl> cacheControl = cacheControl(o);
    IssuedKey issued;
    try {
      issued = identities.keys().issue(tenant.strip(), role, JsonBodies.string(o, "label"), cacheControl);
    } catch (IllegalArgumentException e) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, e.getMessage());
    }
    LOG.info(() -> "Issued API key " + issued.info().id() + " (" + role.wireName() + ") for tenant " + tenant);
    return Response.created(URI.create("/api/v1/keys/" + issued.info().id()))
        .entity(json(issued.info()).add("key", issued.key()).build().toString())
        .header("Cache-Control", "no-store") // the one answer that carries a secret
        .type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  public Response list() {
    var keys = Jsonp.createArrayBuilder();
    identities.keys().list().forEach(k -> keys.add(json(k)));
    return Response.ok(Jsonp.createObjectBuilder().add("keys", keys).build().toString()).build();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return identities.keys().find(id).map(k -> Response.ok(json(k).build().toString()).build())
        .orElseGet(() -> unknown(id));
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") String id) {
    var found = identities.keys().find(id);
    if (found.isEmpty()) {
      return unknown(id);
    }
    ApiKeyInfo key = found.get();
    if (identities.keys().revoke(id)) {
      LOG.info(() -> "Revoked API key " + id + " of tenant " + key.tenant());
    }
    return Response.noContent().build();
  }

  private static Set<CacheControl> cacheControl(JsonObject o) {
    JsonValue v = o.get("cacheControl");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return CacheControl.all();
    }
    String allowed = Arrays.stream(CacheControl.values()).map(CacheControl::wireName).toList().toString();
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw JsonBodies.malformed("'cacheControl' must be an array of directives " + allowed + ", not "
          + JsonBodies.kind(v));
    }
    Set<CacheControl> out = EnumSet.noneOf(CacheControl.class);
    for (JsonValue d : v.asJsonArray()) {
      String name = d instanceof JsonString s ? s.getString() : null;
      out.add(CacheControl.parse(name == null ? "" : name).orElseThrow(() -> new StepCacheException(
          ErrorCode.INVALID_REQUEST, "'cacheControl' may name " + allowed + ", not " + d)));
    }
    return out;
  }

  private static Response unknown(String id) {
    return Problems.of(404, "UNKNOWN_KEY", "Unknown API key", "There is no API key '" + id + "'", Map.of());
  }

  private static JsonObjectBuilder json(ApiKeyInfo k) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder().add("id", k.id()).add("tenant", k.tenant())
        .add("role", k.role().wireName()).add("label", k.label()).add("created", k.created().toString())
        .add("active", k.active());
    var directives = Jsonp.createArrayBuilder();
    k.cacheControl().forEach(d -> directives.add(d.wireName()));
    b.add("cacheControl", directives);
    k.revoked().ifPresentOrElse(r -> b.add("revoked", r.toString()), () -> b.add("revoked", JsonValue.NULL));
    return b;
  }
}
