package io.stepcache.engine.pack;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.sim.ModelOracle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live set of packs, published as an immutable snapshot (copy-on-write, after Keycloak's
 * {@code DefaultKeycloakSessionFactory.deploy}): {@link #register}, {@link #replace} and {@link
 * #unregister} build a new map and publish it atomically; a request routes on the snapshot it read.
 *
 * <p>Requests hold the pack they run on: {@link #acquire} and {@link #acquireDetected} return a
 * pack on which {@link LoadedPack#tryAcquire()} succeeded, and the caller {@linkplain
 * LoadedPack#release() releases} it when done. A replaced or removed pack is retired, not closed:
 * whoever took it out of the registry closes it once its requests have finished.
 */
public final class PackRegistry implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PackRegistry.class.getName());

  private final AtomicReference<Map<String, LoadedPack>> snapshot = new AtomicReference<>(Map.of());

  /**
   * Adds a pack.
   *
   * @throws StepCacheException {@code PACK_REJECTED} when a pack with the same id is loaded
   */
  public synchronized void register(LoadedPack pack) {
    Map<String, LoadedPack> current = snapshot.get();
    LoadedPack existing = current.get(pack.id());
    if (existing != null) {
      throw PackRejection.of(pack.id(),
          "a pack with that id (" + existing.packKey() + " from " + existing.source() + ") is already loaded");
    }
    publish(current, pack.id(), pack);
  }

  /**
   * Publishes {@code pack} in place of the pack with the same id, or adds it. The previous pack is
   * returned, neither retired nor closed: that is the caller's job (requests may still run on it).
   */
  public synchronized Optional<LoadedPack> replace(LoadedPack pack) {
    Map<String, LoadedPack> current = snapshot.get();
    LoadedPack previous = current.get(pack.id());
    publish(current, pack.id(), pack);
    return Optional.ofNullable(previous);
  }

  /** Takes the pack out of routing and returns it, neither retired nor closed; empty when unknown. */
  public synchronized Optional<LoadedPack> unregister(String id) {
    Map<String, LoadedPack> current = snapshot.get();
    if (!current.containsKey(id)) {
      return Optional.empty();
    }
    publish(current, id, null);
    return Optional.of(current.get(id));
  }

  private void publish(Map<String, LoadedPack> current, String id, LoadedPack pack) {
    Map<String, LoadedPack> next = new TreeMap<>(current);
    if (pack == null) {
      next.remove(id);
    } else {
      next.put(id, pack);
    }
    snapshot.set(Map.copyOf(next));
  }

  /** The pack named {@code task} (not held: prefer {@link #acquire}). */
  public LoadedPack byId(String task) {
    LoadedPack p = snapshot.get().get(task);
    if (p == null) {
      throw unknown(task);
    }
    return p;
  }

  /** The pack named {@code task}, held for the caller, who must {@link LoadedPack#release()} it. */
  public LoadedPack acquire(String task) {
    for (;;) {
      LoadedPack p = byId(task);
      if (p.tryAcquire()) {
        return p;
      }
      // retired between the lookup and the hold: the snapshot already routes to its successor
    }
  }

  /**
   * The pack whose detector claims the request most strongly (ties: the id that sorts first), held
   * for the caller, who must {@link LoadedPack#release()} it.
   */
  public LoadedPack acquireDetected(TaskRequest request) {
    for (;;) {
      LoadedPack best = detect(request);
      if (best.tryAcquire()) {
        return best;
      }
    }
  }

  /** The pack whose detector claims the request most strongly (not held: prefer {@link #acquireDetected}). */
  public LoadedPack detect(TaskRequest request) {
    for (;;) {
      Map<String, LoadedPack> packs = snapshot.get();
      LoadedPack best = null;
      double bestScore = 0;
      boolean sawRetired = false;
      for (LoadedPack p : new TreeMap<>(packs).values()) {
        if (!p.tryAcquire()) {
          sawRetired = true; // being replaced or removed: a newer snapshot no longer holds it
          continue;
        }
        double score;
        try {
          score = p.detector().claim(request);
        } finally {
          p.release();
        }
        if (score > bestScore) {
          best = p;
          bestScore = score;
        }
      }
      if (best != null) {
        return best;
      }
      if (!sawRetired || snapshot.get() == packs) {
        throw new StepCacheException(
            ErrorCode.TASK_NOT_DETECTED,
            "No task pack recognises this prompt; name one in 'task' (loaded packs: "
                + new TreeMap<>(packs).keySet() + ")");
      }
      // a swap was under way: its successor is published before the old pack is retired, so ask again
    }
  }

  private StepCacheException unknown(String task) {
    return new StepCacheException(
        ErrorCode.UNKNOWN_TASK,
        "No task pack '" + task + "' is loaded; loaded packs: " + new TreeMap<>(snapshot.get()).keySet());
  }

  /** The loaded packs, by id. */
  public Collection<LoadedPack> packs() {
    return new TreeMap<>(snapshot.get()).values();
  }

  /**
   * The oracles of the loaded packs (simulated backend only). Each asks the pack that is live under
   * its id at the moment of the call, while holding it, so that a pack being replaced is never
   * called after it was closed and its successor answers instead. An oracle that throws counts as
   * not knowing the prompt.
   */
  public List<ModelOracle> oracles() {
    List<ModelOracle> out = new ArrayList<>();
    for (LoadedPack p : packs()) {
      if (p.oracle().isPresent()) {
        String id = p.id();
        out.add(prompt -> askOracle(id, prompt));
      }
    }
    return out;
  }

  private Optional<String> askOracle(String id, String prompt) {
    for (;;) {
      LoadedPack p = snapshot.get().get(id);
      if (p == null || p.oracle().isEmpty()) {
        return Optional.empty();
      }
      if (!p.tryAcquire()) {
        continue; // retired just now: its successor is in the snapshot already
      }
      try (ContextClassLoader ignored = ContextClassLoader.use(p.classLoader())) {
        return p.oracle().get().answer(prompt);
      } catch (RuntimeException e) {
        // one pack's oracle failing on another pack's prompt must not break that request
        LOG.log(Level.FINE, "Oracle of " + p.packKey() + " failed; treated as not knowing the prompt", e);
        return Optional.empty();
      } finally {
        p.release();
      }
    }
  }

  /** Retires every pack; each is closed as soon as no request runs on it (at once when idle). */
  @Override
  public synchronized void close() {
    List<LoadedPack> all = new ArrayList<>(snapshot.get().values());
    snapshot.set(Map.of());
    for (LoadedPack p : all) {
      p.retire().thenAccept(PackRegistry::closeQuietly);
    }
  }

  private static void closeQuietly(LoadedPack p) {
    try {
      p.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Task pack " + p.packKey() + " failed to close", e);
    }
  }
}
