package io.stepcache.bench.stream;

import io.stepcache.engine.RequestPath;
import io.stepcache.engine.ServedStep;
import io.stepcache.engine.StepSink;

/**
 * The benchmark's {@link StepSink}: the path, when the first verified step came, when the piece of
 * text that completed it had reached StepCache's backend, and how many steps came. Steps arrive on
 * the thread that reads the stream, inside the backend's text sink, so the piece being handled then
 * is the one that completed the step.
 */
final class FirstStepSink implements StepSink {

  private final TracingBackend backend;
  private RequestPath path;
  private long firstStepNanos = -1;
  private long completingPieceNanos = -1;
  private int steps;

  FirstStepSink(TracingBackend backend) {
    this.backend = backend;
  }

  @Override
  public void started(RequestPath p, String task, Double similarity, String entryId) {
    path = p;
  }

  @Override
  public void step(ServedStep step, String content) {
    if (firstStepNanos < 0) {
      firstStepNanos = System.nanoTime();
      StreamTrace trace = backend.last();
      completingPieceNanos = trace == null ? -1 : trace.lastPieceNanos();
    }
    steps++;
  }

  RequestPath path() {
    return path;
  }

  /** When the first step came; -1 when none did. */
  long firstStepNanos() {
    return firstStepNanos;
  }

  /** When the piece that completed the first step reached the backend's sink; -1 when no step came. */
  long completingPieceNanos() {
    return completingPieceNanos;
  }

  int steps() {
    return steps;
  }
}
