package io.stepcache.engine.pack;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.spi.TaskRequest;
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
 * The live set of packs, published as an immutable snapshot (copy-on-write): a request routes on
 * the snapshot it started with; {@link #register} and {@link #remove} publish a new one.
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
    if (current.containsKey(pack.id())) {
      throw new StepCacheException(
          ErrorCode.PACK_REJECTED,
          "Task pack '" + pack.id() + "' was rejected: a pack with that id ("
              + current.get(pack.id()).packKey() + ") is already loaded");
    }
    Map<String, LoadedPack> next = new TreeMap<>(current);
    next.put(pack.id(), pack);
    snapshot.set(Map.copyOf(next));
  }

  /** Removes and closes a pack; returns it, or empty when none had that id. */
  public synchronized Optional<LoadedPack> remove(String id) {
    Map<String, LoadedPack> next = new TreeMap<>(snapshot.get());
    LoadedPack removed = next.remove(id);
    if (removed == null) {
      return Optional.empty();
    }
    snapshot.set(Map.copyOf(next));
    closePack(removed);
    return Optional.of(removed);
  }

  /** The pack named {@code task}. */
  public LoadedPack byId(String task) {
    LoadedPack p = snapshot.get().get(task);
    if (p == null) {
      throw new StepCacheException(
          ErrorCode.UNKNOWN_TASK,
          "No task pack '" + task + "' is loaded; loaded packs: " + new TreeMap<>(snapshot.get()).keySet());
    }
    return p;
  }

  /** The pack whose detector claims the request most strongly (ties: the id that sorts first). */
  public LoadedPack detect(TaskRequest request) {
    LoadedPack best = null;
    double bestScore = 0;
    for (LoadedPack p : new TreeMap<>(snapshot.get()).values()) {
      double score = p.detector().claim(request);
      if (score > bestScore) {
        best = p;
        bestScore = score;
      }
    }
    if (best == null) {
      throw new StepCacheException(
          ErrorCode.TASK_NOT_DETECTED,
          "No task pack recognises this prompt; name one in 'task' (loaded packs: "
              + new TreeMap<>(snapshot.get()).keySet() + ")");
    }
    return best;
  }

  /** The loaded packs, by id. */
  public Collection<LoadedPack> packs() {
    return new TreeMap<>(snapshot.get()).values();
  }

  @Override
  public synchronized void close() {
    List<LoadedPack> all = new ArrayList<>(snapshot.get().values());
    snapshot.set(Map.of());
    all.forEach(PackRegistry::closePack);
  }

  private static void closePack(LoadedPack p) {
    try {
      p.pack().close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Task pack " + p.packKey() + " failed to close", e);
    }
    try {
      p.rules().close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Rules of task pack " + p.packKey() + " failed to close", e);
    }
  }
}
