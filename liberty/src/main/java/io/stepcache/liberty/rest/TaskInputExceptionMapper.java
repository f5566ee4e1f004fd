package io.stepcache.liberty.rest;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.liberty.metrics.StepCacheMetrics;
import io.stepcache.spi.TaskInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * A pack's {@link TaskInputException} that reached the API unwrapped: 400 {@code
 * TASK_INPUT_INVALID} with the pack's own code as {@code taskCode}.
 */
@Provider
@ApplicationScoped
public class TaskInputExceptionMapper implements ExceptionMapper<TaskInputException> {

  @Inject StepCacheMetrics metrics;

  @Override
  public Response toResponse(TaskInputException e) {
    metrics.failed(ErrorCode.TASK_INPUT_INVALID.name());
    return Problems.of(ErrorCode.TASK_INPUT_INVALID, e.getMessage(), Map.of("taskCode", e.code()));
  }
}
