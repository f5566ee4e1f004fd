package io.stepcache.liberty.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;

/**
 * Gives every response of both doors, errors included, an {@value #HEADER} header: the one a resource set (the
 * OpenAI door's completion id), else a new {@code req_<32 hex>}. Quote it when reporting a problem.
 */
@Provider
public class RequestIdFilter implements ContainerResponseFilter {

  /** The header. */
  public static final String HEADER = "X-Request-Id";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!response.getHeaders().containsKey(HEADER)) {
      response.getHeaders().putSingle(HEADER, "req_" + UUID.randomUUID().toString().replace("-", ""));
    }
  }
}
