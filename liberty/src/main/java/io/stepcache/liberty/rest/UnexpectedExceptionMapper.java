package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: a bug. Logged with its stack trace under an incident id; the client gets
 * problem+json 500 with that id and no internals.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Inject StepCacheMetrics metrics;

  @Override
  public Response toResponse(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    metrics.failed(ErrorCode.INTERNAL.name());
    return Problems.of(
        ErrorCode.INTERNAL,
        "An unexpected error occurred; it was logged as incident " + incident + ". Please report it.",
        Map.of("incident", incident));
  }
}
