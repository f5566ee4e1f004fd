package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.PackInfo;
import io.stepcache.engine.pack.PackState;
import io.stepcache.liberty.cdi.StepCacheRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * Pack administration (the API contract in openapi.yaml), administrators only ({@link AdminOnly}):
 *
 * <ul>
 *   <li>{@code GET /api/v1/packs}: every pack with id, version, state, rules hash and source; jars
 *       that were rejected are listed as {@code FAILED} with their {@code error};
 *   <li>{@code GET /api/v1/packs/{id}}: one of them;
 *   <li>{@code POST /api/v1/packs}: body = a pack jar ({@code application/java-archive} or {@code
 *       application/octet-stream}); deploys a new pack (201; 422 {@code PACK_REJECTED} with the
 *       reason when the jar is bad or the id is taken);
 *   <li>{@code PUT /api/v1/packs/{id}}: replaces pack {@code id} (or adds it) with the jar's pack;
 *       requests in flight finish on the old one, its cached steps are invalidated;
 *   <li>{@code DELETE /api/v1/packs/{id}}: removes a pack (404 {@code UNKNOWN_TASK} for no such id).
 * </ul>
 *
 * Uploaded jars are saved in the packs directory ({@code stepcache.packs.dir}) and so survive a
 * restart; the size limit is {@code stepcache.packs.maxUploadBytes}.
 */
@ApplicationScoped
@Path("v1/packs")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class PacksResource {

  /** Media types a pack jar may be sent as. */
  static final String JAR = "application/java-archive";

  @Inject StepCacheRuntime runtime;

  @GET
  public Response list() {
    JsonArrayBuilder packs = Jsonp.createArrayBuilder();
    for (PackInfo p : runtime.packs().list()) {
      packs.add(json(p));
    }
    return Response.ok(packs.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @GET
  @Path("{id}")
  public Response get(@PathParam("id") String id) {
    return runtime.packs().list().stream()
        .filter(p -> id.equals(p.id()) && p.state() != PackState.FAILED)
        .findFirst()
        .map(p -> Response.ok(json(p).toString(), MediaType.APPLICATION_JSON_TYPE).build())
        .orElseThrow(() -> new StepCacheException(ErrorCode.UNKNOWN_TASK, "No task pack '" + id + "' is loaded"));
  }

  @POST
  @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM, "application/x-java-archive", "application/zip"})
  public Response upload(InputStream body, @HeaderParam("Content-Length") String contentLength) {
    PackInfo info = withUpload(body, contentLength, jar -> runtime.packs().upload(jar, null));
    return Response.created(URI.create("/api/v1/packs/" + info.id()))
        .entity(json(info).toString())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM, "application/x-java-archive", "application/zip"})
  public Response replace(
      @PathParam("id") String id, InputStream body, @HeaderParam("Content-Length") String contentLength) {
    PackInfo info = withUpload(body, contentLength, jar -> runtime.packs().upload(jar, id));
    return Response.ok(json(info).toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
    return Response.ok(json(runtime.packs().undeploy(id)).toString(), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Streams the body into a temporary file (at most maxUploadBytes), hands it on, deletes it. */
  private PackInfo withUpload(InputStream body, String contentLength, Function<java.nio.file.Path, PackInfo> use) {
    long max = runtime.maxUploadBytes();
    long declared = RequestBody.declaredLength(contentLength);
    if (declared > max) {
      throw tooLarge(max, declared + " bytes");
    }
    java.nio.file.Path tmp;
    try {
      tmp = Files.createTempFile("stepcache-upload-", ".jar");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a temporary file for the upload", e);
    }
    try {
      long total = 0;
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
        if (body != null) {
          byte[] buf = new byte[64 * 1024];
          int n;
          while ((n = body.read(buf)) >= 0) {
            total += n;
            if (total > max) {
              throw tooLarge(max, "more than " + max + " bytes");
            }
            out.write(buf, 0, n);
          }
        }
      } catch (IOException e) {
        throw new StepCacheException(
            ErrorCode.MALFORMED_REQUEST, "The uploaded jar could not be read: " + e.getMessage(), e);
      }
      if (total == 0) {
        throw new StepCacheException(
            ErrorCode.MALFORMED_REQUEST,
            "The request body is empty; send the pack jar as the body (Content-Type: " + JAR + ")");
      }
      return use.apply(tmp);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        tmp.toFile().deleteOnExit();
      }
    }
  }

  private static StepCacheException tooLarge(long max, String actual) {
    return new StepCacheException(
        ErrorCode.INPUT_TOO_LARGE,
        "The pack jar is " + actual + "; the limit is " + max + " bytes (setting stepcache.packs.maxUploadBytes)");
  }

  static JsonObject json(PackInfo p) {
    JsonObjectBuilder b = Jsonp.createObjectBuilder();
    if (p.id() == null) {
      b.addNull("id");
    } else {
      b.add("id", p.id());
    }
    b.add("version", p.version())
        .add("description", p.description())
        .add("state", p.state().name())
        .add("rulesHash", p.rulesHash() == null ? "" : p.rulesHash())
        .add("source", p.source() == null ? "" : p.source());
    if (p.error() != null) {
      b.add("error", p.error());
    }
    return b.build();
  }
}
