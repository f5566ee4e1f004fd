package io.stepcache.engine.pack;

import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.spi.Analyser;
import io.stepcache.spi.Detector;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.Rebinder;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.sim.ModelOracle;
import io.stepcache.spi.verify.FactProvider;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A started pack with its contributions resolved once ({@link PackParts}) and its rules compiled.
 *
 * <p>{@link #packKey()} ({@code id@version#rulesHash-prefix}) is part of every cache key, so a new
 * version or new rules never see the old entries.
 *
 * <p>Lifecycle: {@link PackState#STARTED} while it serves; {@link #retire()} (the registry no longer
 * routes to it) makes it {@link PackState#STOPPING}: requests that already hold it ({@link
 * #tryAcquire()} ... {@link #release()}) finish on it, new ones cannot acquire it; when the last one
 * has released it, {@link #retire()}'s future completes and whoever retired it calls {@link
 * #close()} ({@link PackState#STOPPED}): the pack's {@code close()}, its rules, and the resources it
 * owns (its class loader and unpacked jar) are released.
 */
public final class LoadedPack {

  private static final Logger LOG = Logger.getLogger(LoadedPack.class.getName());

  /** Sign bit of {@link #usage}: set once the pack is retired. The other bits count holders. */
  private static final int RETIRED = Integer.MIN_VALUE;

  /** Source of packs found on the host's own class path (the WAR). */
  public static final String CLASSPATH = "classpath";

  private final TaskPack pack;
  private final PackParts parts;
  private final PackDescriptor descriptor;
  private final CompiledRules rules;
  private final ClassLoader classLoader;
  private final String packKey;
  private volatile String source;
  private final AutoCloseable resources;
  private final AtomicInteger usage = new AtomicInteger();
  private final CompletableFuture<LoadedPack> drained = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A pack whose SPI 1.0 accessors are read as they are, without {@code start} (tests). */
  LoadedPack(TaskPack pack, CompiledRules rules, ClassLoader classLoader) {
    this(pack, PackParts.fromAccessors(pack), rules, classLoader, CLASSPATH, null);
  }

  /**
   * @param parts what {@link TaskPack#parts} built
   * @param source where the pack came from, for listings ({@code classpath}, a file name, {@code
   *     upload})
   * @param resources closed last by {@link #close()} (the pack's own class loader), or {@code null}
   */
  public LoadedPack(TaskPack pack, PackParts parts, CompiledRules rules, ClassLoader classLoader, String source,
      AutoCloseable resources) {
    this.source = Objects.requireNonNull(source, "source");
    this.resources = resources;
    this.pack = Objects.requireNonNull(pack, "pack");
    this.parts = Objects.requireNonNull(parts, "parts");
    this.descriptor = Objects.requireNonNull(pack.descriptor(), "descriptor");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.classLoader = classLoader;
    this.packKey =
        descriptor.id() + "@" + descriptor.version() + "#" + rules.rulesHash().substring(0, 16);
  }

  public TaskPack pack() {
    return pack;
  }

  public PackDescriptor descriptor() {
    return descriptor;
  }

  public String id() {
    return descriptor.id();
  }

  public CompiledRules rules() {
    return rules;
  }

  public ClassLoader classLoader() {
    return classLoader;
  }

  public Detector detector() {
    return parts.detector();
  }

  public Analyser analyser() {
    return parts.analyser();
  }

  public Segmenter segmenter() {
    return parts.segmenter();
  }

  public Rebinder rebinder() {
    return parts.rebinder();
  }

  public FactProvider facts() {
    return parts.facts();
  }

  public List<RepairStrategy> repairStrategies() {
    return parts.repairStrategies();
  }

  public PromptBuilder prompts() {
    return parts.prompts();
  }

  public Stitcher stitcher() {
    return parts.stitcher();
  }

  /** The pack's stand-in model for the simulated backend, if it has one. */
  public Optional<ModelOracle> oracle() {
    return parts.oracle();
  }

  /** {@code id@version#first-16-hex-of-rules-hash}. */
  public String packKey() {
    return packKey;
  }

  /** Where the pack came from: {@code classpath}, the jar's file name, or {@code upload}. */
  public String source() {
    return source;
  }

  /** Renames where the pack came from (the pack host, once a staged jar has its final name). */
  public void source(String source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  /** STARTED, STOPPING (retired, requests still running on it) or STOPPED (closed). */
  public PackState state() {
    if (closed.get()) {
      return PackState.STOPPED;
    }
    return usage.get() < 0 ? PackState.STOPPING : PackState.STARTED;
  }

  public PackInfo info() {
    return new PackInfo(
        descriptor.id(), descriptor.version(), descriptor.description(), state(), rules.rulesHash(), null, source);
  }

  /**
   * Takes a hold on the pack for one request. Returns false once the pack is retired: the caller
   * must then look the pack up again (the registry already routes to its successor).
   */
  public boolean tryAcquire() {
    for (;;) {
      int u = usage.get();
      if (u < 0) {
        return false;
      }
      if (usage.compareAndSet(u, u + 1)) {
        return true;
      }
    }
  }

  /** Gives back a hold taken with {@link #tryAcquire()}. */
  public void release() {
    if (usage.decrementAndGet() == RETIRED) {
      drained.complete(this);
    }
  }

  /** Requests holding the pack right now. */
  public int inFlight() {
    return usage.get() & ~RETIRED;
  }

  /**
   * Stops new requests from acquiring the pack. The future completes (on the thread of the last
   * {@link #release()}, or at once) when no request holds it any more. Idempotent.
   */
  public CompletableFuture<LoadedPack> retire() {
    for (;;) {
      int u = usage.get();
      if (u < 0) {
        return drained;
      }
      if (usage.compareAndSet(u, u | RETIRED)) {
        if (u == 0) {
          drained.complete(this);
        }
        return drained;
      }
    }
  }

  /**
   * Closes the pack, its parts, its rules and what it owns (its class loader). Idempotent; failures
   * are logged.
   * Call it after {@link #retire()}'s future completed, unless you know no request holds the pack.
   */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    usage.getAndUpdate(u -> u | RETIRED);
    drained.complete(this);
    try (ContextClassLoader ignored = ContextClassLoader.use(classLoader)) {
      pack.close();
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Task pack " + packKey + " failed to close", e);
    }
    try (ContextClassLoader ignored = ContextClassLoader.use(classLoader)) {
      parts.close();
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "The parts of task pack " + packKey + " failed to close", e);
    }
    try {
      rules.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Rules of task pack " + packKey + " failed to close", e);
    }
    if (resources != null) {
      try {
        resources.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "Class loader of task pack " + packKey + " failed to close", e);
      }
    }
  }

  @Override
  public String toString() {
    return "LoadedPack[" + packKey + " from " + source + ", " + state() + "]";
  }
}
