package io.stepcache.client.internal;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends one API key as {@code Authorization: Bearer <key>} on every request, replacing any other (the configured one
 * included: request filters run after the client headers are set). Never prints the key.
 */
public final class BearerKeyFilter implements ClientRequestFilter {

  private final String header;

  /** @throws IllegalArgumentException when {@code apiKey} is null or blank */
  public BearerKeyFilter(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("a StepCache API key is required (sck_...), got "
          + (apiKey == null ? "none" : "a blank one"));
    }
    this.header = "Bearer " + apiKey.strip();
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, header);
  }

  @Override
  public String toString() {
    return "BearerKeyFilter[key hidden]";
  }
}
