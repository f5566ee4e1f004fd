package io.stepcache.engine.backend;

/**
 * A model server. Implementations must be thread-safe. Failures are reported as {@link
 * io.stepcache.engine.error.StepCacheException} with {@code BACKEND_FAILED} or {@code
 * BACKEND_TIMEOUT}.
 */
public interface Backend extends AutoCloseable {

  /** Generates a completion for one prompt. */
  Generation generate(GenerationRequest request);

  /**
   * Generates a completion for one prompt, handing the text to {@code sink} as it arrives; when the sink cancels,
   * the generation stops there and the returned generation holds the text up to that point. A backend that cannot
   * stream hands over the whole text at once (this default).
   */
  default Generation stream(GenerationRequest request, TextSink sink) {
    Generation g = generate(request);
    if (!g.text().isEmpty()) {
      sink.accept(g.text());
    }
    return g;
  }

  /** Short name for logs and health output, e.g. {@code simulated}. */
  String name();

  @Override
  default void close() {}
}
