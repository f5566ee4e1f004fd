package io.stepcache.engine.trust.internal;

import io.stepcache.engine.trust.TrustWorker;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One daemon thread behind a bounded queue. A full queue refuses a job at once (the caller counts
 * it as skipped); a job that throws is logged and the thread goes on with the next one.
 */
public final class BackgroundTrustWorker implements TrustWorker {

  private static final Logger LOG = Logger.getLogger(BackgroundTrustWorker.class.getName());

  private final ThreadPoolExecutor executor;

  public BackgroundTrustWorker(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
      Thread t = new Thread(r, "stepcache-trust");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  @Override
  public boolean submit(Runnable job) {
    try {
      executor.execute(() -> {
        try {
          job.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A StepCache confirmation or audit job failed", e);
        }
      });
      return true;
    } catch (RejectedExecutionException full) {
      return false; // the queue is full or the worker closed: the caller counts the job as skipped
    }
  }

  @Override
  public int pending() {
    return executor.getQueue().size();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
