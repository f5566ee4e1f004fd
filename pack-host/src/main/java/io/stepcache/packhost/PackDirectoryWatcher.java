package io.stepcache.packhost;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls the packs directory: every {@code interval} it asks the {@link PackManager} to {@linkplain
 * PackManager#scan() scan}. Polling rather than a {@code WatchService}: it works the same on every
 * file system (network and container mounts included), and the manager needs two looks at a jar
 * anyway to know it is no longer being written. A jar dropped in the directory is therefore live
 * between one and two intervals later, plus the time to load it.
 */
public final class PackDirectoryWatcher implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PackDirectoryWatcher.class.getName());

  private final ScheduledThreadPoolExecutor executor = PackThreads.scheduler("stepcache-pack-watcher");

  /** Starts watching at once. */
  public PackDirectoryWatcher(PackManager manager, Duration interval) {
    Objects.requireNonNull(manager, "manager");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("The scan interval must be positive, got " + interval);
    }
    long ms = Math.max(1, interval.toMillis());
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            manager.scan();
          } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Scanning the packs directory failed", e);
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
    LOG.info(() -> "Watching " + manager.packsDirectory().map(Object::toString).orElse("(no directory)")
        + " for task pack jars every " + ms + " ms");
  }

  /** Stops watching (a scan in progress finishes). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
