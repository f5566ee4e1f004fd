package io.stepcache.store.infinispan;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.ContextClassLoader;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.CacheEntryCodec;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.StepStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.infinispan.Cache;
import org.infinispan.commons.util.CloseableIterator;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.configuration.global.UncleanShutdownAction;
import org.infinispan.eviction.EvictionStrategy;
import org.infinispan.manager.DefaultCacheManager;

/**
 * The step store on embedded Infinispan: one local cache of {@link EntryKey#asString()} to the
 * {@link CacheEntryCodec} bytes of the entry.
 *
 * <ul>
 *   <li>At most {@code maxEntriesInMemory} entries are kept on the heap; older ones are evicted
 *       from memory only ({@link EvictionStrategy#REMOVE} without passivation: every entry is
 *       written through to the file store, so eviction loses nothing).
 *   <li>Every entry is written to a SoftIndexFileStore under {@code dataDir}, so the cache survives
 *       a restart of the server or a redeployment of the application.
 *   <li>Every entry lives {@code ttl} after it was written (Infinispan lifespan), in memory and on
 *       disk alike, or less when its own expiry ({@link CacheEntry#expiresAtEpochMs()}) comes first.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the cache manager and releases the directory.
 */
public final class InfinispanStepStore implements StepStore {

  private static final Logger LOG = Logger.getLogger(InfinispanStepStore.class.getName());
  private static final String CACHE_NAME = "stepcache-steps";

  private final Path dataDir;
  private final Duration ttl;
  private final DefaultCacheManager manager;
  private final Cache<String, byte[]> cache;

  private InfinispanStepStore(Path dataDir, Duration ttl, DefaultCacheManager manager, Cache<String, byte[]> cache) {
    this.dataDir = dataDir;
    this.ttl = ttl;
    this.manager = manager;
    this.cache = cache;
  }

  /**
   * Starts an embedded cache manager whose state lives in {@code dataDir} (created if missing).
   *
   * @param dataDir directory for Infinispan's global state and the file store
   * @param maxEntriesInMemory most entries kept on the heap (at least 1)
   * @param ttl how long an entry lives after it is written (positive)
   * @throws IllegalArgumentException for a bad limit or ttl
   * @throws IllegalStateException when the directory cannot be used or Infinispan fails to start
   */
  public static InfinispanStepStore open(Path dataDir, long maxEntriesInMemory, Duration ttl) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(ttl, "ttl");
    if (maxEntriesInMemory < 1) {
      throw new IllegalArgumentException("maxEntriesInMemory must be at least 1, got " + maxEntriesInMemory);
    }
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("ttl must be positive, got " + ttl);
    }
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot create the step store directory " + dir + ": " + e, e);
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalStateException("The step store directory " + dir + " is not writable");
    }

    ClassLoader cl = InfinispanStepStore.class.getClassLoader();
    GlobalConfigurationBuilder global = new GlobalConfigurationBuilder().nonClusteredDefault();
    global.classLoader(cl);
    global.cacheManagerName("stepcache");
    // The file store must live under the global persistent location (ISPN000558).
    global.globalState().enable().persistentLocation(dir.toString())
        // after a crash the old state (and the file store, whose index rebuilds itself) is kept
        .uncleanShutdownAction(UncleanShutdownAction.IGNORE);
    global.jmx().disable();

    ConfigurationBuilder cfg = new ConfigurationBuilder();
    cfg.statistics().enable();
    cfg.memory().maxCount(maxEntriesInMemory).whenFull(EvictionStrategy.REMOVE);
    cfg.expiration().lifespan(ttl.toMillis(), TimeUnit.MILLISECONDS);
    cfg.persistence()
        .passivation(false)
        .addSoftIndexFileStore()
        .dataLocation("sifs-data")
        .indexLocation("sifs-index")
        .purgeOnStartup(false);

    DefaultCacheManager manager = null;
    // a manager that failed to start is stopped with Infinispan's class loader still set
    try (ContextClassLoader ignored = ContextClassLoader.use(cl)) {
      try {
        manager = new DefaultCacheManager(global.build(), false);
        manager.defineConfiguration(CACHE_NAME, cfg.build());
        manager.start();
        Cache<String, byte[]> cache = manager.getCache(CACHE_NAME);
        LOG.info(() -> "Step store started in " + dir + " (" + cache.size() + " entries on disk, at most "
            + maxEntriesInMemory + " in memory, ttl " + ttl + ")");
        return new InfinispanStepStore(dir, ttl, manager, cache);
      } catch (RuntimeException e) {
        if (manager != null) {
          try {
            manager.stop();
          } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw new IllegalStateException("The step store could not start in " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<CacheEntry> get(EntryKey key) {
    byte[] bytes;
    try {
      bytes = cache.get(key.asString());
    } catch (RuntimeException e) {
      throw failed("read", e);
    }
    return bytes == null ? Optional.empty() : decode(key.asString(), bytes);
  }

  @Override
  public void put(CacheEntry entry) {
    byte[] bytes = CacheEntryCodec.encode(entry);
    try {
      cache.put(entry.key().asString(), bytes, lifespanMs(entry, System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      throw failed("write", e);
    }
  }

  @Override
  public void remove(EntryKey key) {
    try {
      cache.remove(key.asString());
    } catch (RuntimeException e) {
      throw failed("remove", e);
    }
  }

  @Override
  public void forEach(Consumer<CacheEntry> action) {
    try (CloseableIterator<Map.Entry<String, byte[]>> it = cache.entrySet().iterator()) {
      while (it.hasNext()) {
        Map.Entry<String, byte[]> e = it.next();
        decode(e.getKey(), e.getValue()).ifPresent(action);
      }
    } catch (RuntimeException e) {
      throw failed("scan", e);
    }
  }

  @Override
  public long size() {
    try {
      return cache.size();
    } catch (RuntimeException e) {
      throw failed("count", e);
    }
  }

  @Override
  public long removePack(String packKey) {
    Objects.requireNonNull(packKey, "packKey");
    long n = removeMatching(k -> k.packKey().equals(packKey)).size();
    LOG.info(() -> "Removed " + n + " cached entries of pack " + packKey);
    return n;
  }

  /** Removes the matching entries; a store key that is no {@link EntryKey} (none is written) is left alone. */
  @Override
  public List<EntryKey> removeMatching(Predicate<EntryKey> which) {
    List<EntryKey> doomed = new ArrayList<>();
    List<EntryKey> removed = new ArrayList<>();
    try {
      try (CloseableIterator<String> it = cache.keySet().iterator()) {
        while (it.hasNext()) {
          EntryKey.parse(it.next()).filter(which).ifPresent(doomed::add);
        }
      }
      for (EntryKey k : doomed) {
        if (cache.remove(k.asString()) != null) {
          removed.add(k);
        }
      }
    } catch (RuntimeException e) {
      throw failed("remove", e);
    }
    return removed;
  }

  /** The store's time to live, or less when the entry expires sooner by its own (at least 1 ms). */
  long lifespanMs(CacheEntry entry, long nowEpochMs) {
    long own = entry.expiresAtEpochMs() > 0 ? entry.expiresAtEpochMs() - nowEpochMs : Long.MAX_VALUE;
    return Math.max(1, Math.min(ttl.toMillis(), own));
  }

  /** True while the cache manager and the cache accept calls (readiness). */
  public boolean isAvailable() {
    return manager.getStatus().allowInvocations() && cache.getStatus().allowInvocations();
  }

  /** Where the store keeps its files. */
  public Path dataDir() {
    return dataDir;
  }

  /** Entries currently on the heap (the rest are only on disk). */
  public long entriesInMemory() {
    return cache.getAdvancedCache().getDataContainer().sizeIncludingExpired();
  }

  @Override
  public void close() {
    try {
      manager.stop();
      LOG.info(() -> "Step store in " + dataDir + " stopped");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The step store in " + dataDir + " did not stop cleanly", e);
    }
  }

  private StepCacheException failed(String what, RuntimeException e) {
    if (e instanceof StepCacheException sce) {
      return sce;
    }
    LOG.log(Level.WARNING, "The step store in " + dataDir + " failed to " + what, e);
    return new StepCacheException(
        ErrorCode.STORE_FAILED, "The step store failed to " + what + " an entry: " + e.getMessage(), e);
  }

  private Optional<CacheEntry> decode(String key, byte[] bytes) {
    try {
      return Optional.of(CacheEntryCodec.decode(bytes));
    } catch (RuntimeException e) {
      // an entry of an older format or a damaged one: drop it rather than fail requests
      LOG.log(Level.WARNING, "Dropping unreadable step store entry " + EntryKey.printable(key) + ": " + e);
      cache.remove(key);
      return Optional.empty();
    }
  }
}
