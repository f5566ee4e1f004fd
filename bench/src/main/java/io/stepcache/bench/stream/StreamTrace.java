package io.stepcache.bench.stream;

import java.util.concurrent.Future;

/**
 * One streamed generation as StepCache's backend saw it ({@link TracingBackend}), in {@link
 * System#nanoTime()}: when it started, when the first piece arrived, how many pieces, and, when
 * StepCache cancelled it, when the piece that completed the failing step arrived, when StepCache's
 * sink refused it, how many pieces it had by then, and the watch on the server's stop. Written by
 * the thread that reads the stream; read after the engine call returned.
 */
final class StreamTrace {

  final long startNanos;
  private final StringBuilder text = new StringBuilder();
  private long firstPieceNanos = -1;
  private long lastPieceNanos = -1;
  private int pieces;
  private long cancelArrivedNanos = -1;
  private long cancelDecidedNanos = -1;
  private int piecesAtCancel = -1;
  private Future<StopWatch.Stop> stop;

  StreamTrace(long startNanos) {
    this.startNanos = startNanos;
  }

  void piece(String delta, long arrivedNanos) {
    pieces++;
    lastPieceNanos = arrivedNanos;
    text.append(delta);
    if (firstPieceNanos < 0) {
      firstPieceNanos = arrivedNanos;
    }
  }

  void cancelled(long arrivedNanos, long decidedNanos, Future<StopWatch.Stop> watch) {
    cancelArrivedNanos = arrivedNanos;
    cancelDecidedNanos = decidedNanos;
    piecesAtCancel = pieces;
    stop = watch;
  }

  /** The text received, up to the cancel if there was one. */
  String text() {
    return text.toString();
  }

  long firstPieceNanos() {
    return firstPieceNanos;
  }

  /** When the piece being handed to StepCache (or the last one) arrived; -1 before the first. */
  long lastPieceNanos() {
    return lastPieceNanos;
  }

  int pieces() {
    return pieces;
  }

  boolean wasCancelled() {
    return cancelDecidedNanos >= 0;
  }

  /** When the piece that completed the failing step was handed to StepCache; -1 without a cancel. */
  long cancelArrivedNanos() {
    return cancelArrivedNanos;
  }

  /** When StepCache's sink returned {@code false} (the step was verified and failed); -1 without a cancel. */
  long cancelDecidedNanos() {
    return cancelDecidedNanos;
  }

  /** Pieces received up to and including the one that completed the failing step; -1 without a cancel. */
  int piecesAtCancel() {
    return piecesAtCancel;
  }

  /** The watch on the server's stop, started at the cancel; {@code null} without one. */
  Future<StopWatch.Stop> stop() {
    return stop;
  }
}
