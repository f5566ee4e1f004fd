package io.stepcache.engine.backend;

/**
 * A model server. Implementations must be thread-safe. Failures are reported as {@link
 * io.stepcache.engine.error.StepCacheException} with {@code BACKEND_FAILED} or {@code
 * BACKEND_TIMEOUT}.
 */
public interface Backend extends AutoCloseable {

  /** Generates a completion for one prompt. */
  Generation generate(GenerationRequest request);

  /** Short name for logs and health output, e.g. {@code simulated}. */
  String name();

  @Override
  default void close() {}
}
