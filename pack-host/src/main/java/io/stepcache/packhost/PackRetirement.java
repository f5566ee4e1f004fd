package io.stepcache.packhost;

import io.stepcache.engine.pack.LoadedPack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retires packs the registry no longer routes to: when a retired pack's last request has finished
 * (or the drain timeout has passed) its cached entries are invalidated, if asked, and it is closed,
 * on one retirement thread.
 */
final class PackRetirement implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PackRetirement.class.getName());

  private final ToLongFunction<String> invalidator;
  private final Duration drainTimeout;
  private final ScheduledThreadPoolExecutor executor = PackThreads.scheduler("stepcache-pack-retirement");
  /** Retired packs not yet closed. */
  private final Map<LoadedPack, CompletableFuture<Void>> retiring = new ConcurrentHashMap<>();

  /**
   * @param invalidator removes every cached entry of a pack key and returns how many
   * @param drainTimeout how long a retired pack may keep serving requests already running on it
   */
  PackRetirement(ToLongFunction<String> invalidator, Duration drainTimeout) {
    this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
    this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (drainTimeout.isNegative()) {
      throw new IllegalArgumentException("drainTimeout must not be negative: " + drainTimeout);
    }
  }

  /** Retires {@code old}; its entries are invalidated when {@code invalidate} (a new pack key). */
  void retire(LoadedPack old, boolean invalidate) {
    if (!invalidate) {
      LOG.warning(() -> "Task pack " + old.packKey() + " was replaced by a jar with the same id, version and rules:"
          + " its cached steps stay valid. Raise the pack's version when its behaviour changes.");
    }
    CompletableFuture<LoadedPack> drained = old.retire();
    ScheduledFuture<?> deadline = executor.schedule(
        () -> {
          if (drained.complete(old)) {
            LOG.warning(() -> "Task pack " + old.packKey() + " still had " + old.inFlight()
                + " requests running after " + drainTimeout + "; closing it anyway");
          }
        },
        drainTimeout.toMillis(),
        TimeUnit.MILLISECONDS);
    CompletableFuture<Void> done = drained.thenAcceptAsync(
        p -> {
          deadline.cancel(false);
          finish(p, invalidate);
        },
        executor);
    retiring.put(old, done);
    done.whenComplete((v, e) -> retiring.remove(old));
  }

  private void finish(LoadedPack p, boolean invalidate) {
    long invalidated = 0;
    if (invalidate) {
      try {
        invalidated = invalidator.applyAsLong(p.packKey());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not invalidate the cached steps of " + p.packKey(), e);
      }
    }
    p.close();
    long n = invalidated;
    LOG.info(() -> "Closed task pack " + p.packKey() + (invalidate ? "; " + n + " cached entries invalidated" : ""));
  }

  /** Completes when every retirement started so far has finished. */
  CompletableFuture<Void> pending() {
    return CompletableFuture.allOf(retiring.values().toArray(CompletableFuture[]::new));
  }

  /** Stops the retirement thread and closes the packs still retiring. */
  @Override
  public void close() {
    executor.shutdown();
    for (LoadedPack p : new ArrayList<>(retiring.keySet())) {
      p.close();
    }
    retiring.clear();
  }
}
