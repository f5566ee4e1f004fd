package io.stepcache.examples.clientapp;

import io.stepcache.client.StepCacheProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A question StepCache refused, shown as {@code 502 Bad Gateway} (the upstream said no) with StepCache's status,
 * code, title and detail as JSON.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<StepCacheProblemException> {

  /** The body of a refusal. */
  public record Refusal(int status, String code, String title, String detail) {}

  @Override
  public Response toResponse(StepCacheProblemException e) {
    return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new Refusal(e.status(), e.code(), e.title(), e.detail())).build();
  }
}
