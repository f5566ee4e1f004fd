package io.stepcache.engine.pack;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.engine.verify.RuleEngine;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.SpiVersion;
import io.stepcache.spi.TaskPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Turns {@link TaskPack} instances into {@link LoadedPack}s: checks the SPI range, compiles the
 * rules with the pack's class loader, and starts the pack with its settings. Any failure rejects
 * that pack with {@code PACK_REJECTED} and a message naming the pack and the cause.
 */
public final class PackLoader {

  private static final Logger LOG = Logger.getLogger(PackLoader.class.getName());

  private final RuleEngine ruleEngine;
  private final Map<String, Map<String, String>> settings;

  /**
   * @param settings per pack id, the pack's settings (keys without the {@code stepcache.pack.<id>.}
   *     prefix)
   */
  public PackLoader(RuleEngine ruleEngine, Map<String, Map<String, String>> settings) {
    this.ruleEngine = Objects.requireNonNull(ruleEngine, "ruleEngine");
    this.settings = Map.copyOf(settings);
  }

  /** Every pack {@link ServiceLoader} finds through {@code classLoader}, loaded. */
  public List<LoadedPack> loadAll(ClassLoader classLoader) {
    List<LoadedPack> loaded = new ArrayList<>();
    for (TaskPack pack : ServiceLoader.load(TaskPack.class, classLoader)) {
      loaded.add(load(pack, classLoader));
    }
    return loaded;
  }

  /** Loads one pack instance. */
  public LoadedPack load(TaskPack pack, ClassLoader classLoader) {
    PackDescriptor d;
    try {
      d = Objects.requireNonNull(pack.descriptor(), "descriptor()");
    } catch (RuntimeException e) {
      throw rejected(pack.getClass().getName(), "its descriptor() failed: " + e.getMessage(), e);
    }
    boolean compatible;
    try {
      compatible = SpiVersion.satisfies(SpiVersion.CURRENT, d.requiresSpi());
    } catch (IllegalArgumentException e) {
      throw rejected(d.id(), "its SPI range '" + d.requiresSpi() + "' is invalid: " + e.getMessage(), e);
    }
    if (!compatible) {
      throw rejected(
          d.id(),
          "it requires SPI " + d.requiresSpi() + " but this server provides SPI " + SpiVersion.CURRENT);
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(classLoader);
    CompiledRules rules = null;
    try {
      rules = ruleEngine.compile(d, pack.rules(), classLoader);
      pack.start(PackContext.of(settings.getOrDefault(d.id(), Map.of())));
      LoadedPack loaded = new LoadedPack(pack, rules, classLoader);
      LOG.info(() -> "Loaded task pack " + loaded.packKey() + " (" + d.description() + ")");
      return loaded;
    } catch (StepCacheException e) {
      closeQuietly(rules, e);
      throw e;
    } catch (RuntimeException | LinkageError e) {
      closeQuietly(rules, e);
      throw rejected(d.id(), "it failed to start: " + e, e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static void closeQuietly(CompiledRules rules, Throwable primary) {
    if (rules != null) {
      try {
        rules.close();
      } catch (RuntimeException e) {
        primary.addSuppressed(e);
      }
    }
  }

  private static StepCacheException rejected(String pack, String why) {
    return new StepCacheException(ErrorCode.PACK_REJECTED, "Task pack '" + pack + "' was rejected: " + why);
  }

  private static StepCacheException rejected(String pack, String why, Throwable cause) {
    return new StepCacheException(
        ErrorCode.PACK_REJECTED, "Task pack '" + pack + "' was rejected: " + why, cause);
  }
}
