package io.stepcache.liberty.rest;

import io.stepcache.engine.error.StepCacheException;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.spi.TaskInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's (and this API's) errors as problem+json with the code's status. When a pack
 * rejected the input, its own code is added as {@code taskCode}.
 */
@Provider
@ApplicationScoped
public class StepCacheExceptionMapper implements ExceptionMapper<StepCacheException> {

  private static final Logger LOG = Logger.getLogger(StepCacheExceptionMapper.class.getName());

  @Inject StepCacheMetrics metrics;

  @Override
  public Response toResponse(StepCacheException e) {
    int status = HttpStatus.of(e.code());
    if (status >= 500) {
      LOG.log(Level.WARNING, "Request failed with " + e.code() + ": " + e.getMessage(), e);
    } else {
      LOG.fine(() -> "Request refused with " + e.code() + ": " + e.getMessage());
    }
    metrics.failed(e.code().name());
    TaskInputException cause = taskInputCause(e);
    Map<String, String> ext = cause == null ? Map.of() : Map.of("taskCode", cause.code());
    return Problems.of(e.code(), e.getMessage(), ext);
  }

  private static TaskInputException taskInputCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof TaskInputException tie) {
        return tie;
      }
    }
    return null;
  }
}
