package io.stepcache.bench.stream;

import java.io.IOException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches llama-server stop after a cancel: from the cancel on, polls {@code /slots} back to back
 * on its own thread and connection until no slot is processing. The server answers {@code /slots}
 * between two decoding steps, so polls come about one token apart while it still generates. The
 * stop happened after the last poll that found the slot busy was sent and before the first that
 * found it idle came back.
 */
final class StopWatch implements AutoCloseable {

  /** How long a generation may go on after a cancel before the watch fails. */
  static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

  /**
   * @param idleSeenNanos when the first poll that found every slot idle came back
   * @param lastBusySentNanos when the last poll that found a slot busy was sent; -1 when the first poll found it idle
   * @param polls polls made
   */
  record Stop(long idleSeenNanos, long lastBusySentNanos, int polls) {}

  private final LlamaServer server;
  private final ThreadPoolExecutor thread;

  StopWatch(LlamaServer server) {
    this.server = server;
    this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "streambench-stop-watch");
      t.setDaemon(true);
      return t;
    });
    thread.prestartAllCoreThreads(); // no thread start between the cancel and the first poll
  }

  /** Starts watching now; {@code fromNanos} is the cancel, for the give-up limit. */
  Future<Stop> watch(long fromNanos) {
    return thread.submit(() -> poll(fromNanos));
  }

  private Stop poll(long fromNanos) throws IOException, InterruptedException {
    long lastBusySent = -1;
    int polls = 0;
    while (true) {
      long sent = System.nanoTime();
      boolean busy = server.busy();
      long back = System.nanoTime();
      polls++;
      if (!busy) {
        return new Stop(back, lastBusySent, polls);
      }
      lastBusySent = sent;
      if (back - fromNanos > GIVE_UP_NANOS) {
        throw new IOException("llama-server was still generating " + TimeUnit.NANOSECONDS.toSeconds(GIVE_UP_NANOS)
            + " s after StepCache cancelled the stream (" + polls + " polls): it did not stop on the closed connection");
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
