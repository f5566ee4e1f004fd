package io.stepcache.bench.stream;

import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.backend.TextSink;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.concurrent.Future;

/**
 * Wraps the backend StepCache calls (through {@code StepCacheSetup.decorateBackend}) and records
 * each streamed generation as a {@link StreamTrace}: StepCache's own timestamps around the text
 * sink the engine hands the backend. When the engine's sink cancels, the wrapper notes the moment
 * and starts the watch on the server's stop at once ({@code onCancel}), before the backend closes
 * the connection. For one caller at a time (the benchmark is sequential).
 */
final class TracingBackend implements Backend {

  private final Backend delegate;
  private final LongFunction<Future<StopWatch.Stop>> onCancel;
  private volatile StreamTrace last;

  /** @param onCancel starts watching the server, given the cancel's arrival time; may return {@code null} */
  TracingBackend(Backend delegate, LongFunction<Future<StopWatch.Stop>> onCancel) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.onCancel = Objects.requireNonNull(onCancel, "onCancel");
  }

  @Override
  public Generation generate(GenerationRequest request) {
    last = null;
    return delegate.generate(request);
  }

  @Override
  public Generation stream(GenerationRequest request, TextSink sink) {
    StreamTrace trace = new StreamTrace(System.nanoTime());
    last = trace;
    return delegate.stream(request, delta -> {
      long arrived = System.nanoTime();
      trace.piece(delta, arrived);
      boolean more = sink.accept(delta);
      if (!more) {
        long decided = System.nanoTime();
        trace.cancelled(arrived, decided, onCancel.apply(arrived));
      }
      return more;
    });
  }

  /** The last streamed generation, or {@code null} when the last call did not stream. */
  StreamTrace last() {
    return last;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
