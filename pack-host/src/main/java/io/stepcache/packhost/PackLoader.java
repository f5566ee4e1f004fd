package io.stepcache.packhost;

import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.ContextClassLoader;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackRejection;
import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.engine.verify.RuleEngine;
import io.stepcache.spi.PackContext;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PackParts;
import io.stepcache.spi.SpiVersion;
import io.stepcache.spi.TaskPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Turns {@link TaskPack} instances into {@link LoadedPack}s: checks the SPI range, compiles the
 * rules with the pack's class loader, and has the pack build its parts from its settings ({@link
 * TaskPack#parts}: a 1.0 pack is started and its accessors are read). Any failure rejects
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

  /**
   * Loads the one pack of a staged jar in its own {@link PackClassLoader}. The returned pack owns
   * that class loader and the archive and releases both when it is closed; when loading fails they
   * are released at once.
   *
   * @param source how listings name where the pack came from (file name, {@code upload})
   * @throws StepCacheException {@code PACK_REJECTED} naming the jar and the reason
   */
  public LoadedPack loadJar(PackArchive archive, String source) {
    PackClassLoader classLoader =
        new PackClassLoader("pack:" + archive.origin(), archive.classPath());
    AutoCloseable owned = () -> {
      try {
        classLoader.close();
      } finally {
        archive.close();
      }
    };
    try {
      TaskPack pack = instantiate(archive.origin(), classLoader);
      return load(pack, classLoader, source, owned);
    } catch (RuntimeException | Error e) {
      try {
        owned.close();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The jar's one TaskPack, instantiated with the pack's class loader as context class loader. */
  private static TaskPack instantiate(String origin, ClassLoader classLoader) {
    try (ContextClassLoader ignored = ContextClassLoader.use(classLoader)) {
      List<ServiceLoader.Provider<TaskPack>> providers =
          ServiceLoader.load(TaskPack.class, classLoader).stream().toList();
      if (providers.isEmpty()) {
        throw PackArchive.rejected(origin, "it contains no task pack: " + PackArchive.SERVICE_FILE + " names no class");
      }
      if (providers.size() > 1) {
        throw PackArchive.rejected(
            origin,
            "a pack jar holds exactly one task pack, this one names "
                + providers.stream().map(p -> p.type().getName()).toList());
      }
      return providers.get(0).get();
    } catch (ServiceConfigurationError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw PackArchive.rejected(origin, "its TaskPack could not be created: " + describe(e, cause), e);
    } catch (LinkageError e) {
      throw PackArchive.rejected(origin, "its TaskPack could not be loaded: " + describe(e, e), e);
    }
  }

  /**
   * A failure as pack authors need it: the message, the error's simple name for linkage errors (a
   * class missing from the jar), and what to do about a missing class.
   */
  private static String describe(Throwable outer, Throwable cause) {
    String text = message(cause);
    if (cause != outer && outer.getMessage() != null) {
      text = outer.getMessage() + " (" + text + ")";
    }
    if (cause instanceof NoClassDefFoundError || cause instanceof ClassNotFoundException) {
      text += "; a pack sees only the JDK, the StepCache SPI and its own jar: bundle its libraries as lib/*.jar";
    }
    return text;
  }

  private static String message(Throwable t) {
    String m = t.getMessage();
    if (t instanceof LinkageError || t instanceof ClassNotFoundException || m == null || m.isBlank()) {
      return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
    return m;
  }

  /** Loads one pack instance found on the host's class path. */
  public LoadedPack load(TaskPack pack, ClassLoader classLoader) {
    return load(pack, classLoader, LoadedPack.CLASSPATH, null);
  }

  private LoadedPack load(TaskPack pack, ClassLoader classLoader, String source, AutoCloseable owned) {
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
    CompiledRules rules = null;
    boolean started = false;
    // the catches close what was opened with the pack's context class loader still set
    try (ContextClassLoader ignored = ContextClassLoader.use(classLoader)) {
      try {
        rules = ruleEngine.compile(d, pack.rules(), classLoader);
        PackParts parts =
            pack.parts(PackContext.of(PackSettings.checked(d.id(), pack, settings.getOrDefault(d.id(), Map.of()))));
        started = true;
        LoadedPack loaded = new LoadedPack(pack, Objects.requireNonNull(parts, "parts()"), rules, classLoader, source, owned);
        LOG.info(() -> "Loaded task pack " + loaded.packKey() + " from " + source + " (" + d.description() + ")");
        return loaded;
      } catch (StepCacheException e) {
        closeQuietly(rules, e);
        throw e;
      } catch (RuntimeException | LinkageError e) {
        if (started) {
          closeQuietly(pack, e);
        }
        closeQuietly(rules, e);
        throw rejected(d.id(), (started ? "it is incomplete: " : "it failed to start: ") + describe(e, e), e);
      }
    }
  }

  private static void closeQuietly(TaskPack pack, Throwable primary) {
    try {
      pack.close();
    } catch (RuntimeException | LinkageError e) {
      primary.addSuppressed(e);
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
    return PackRejection.of(pack, why);
  }

  private static StepCacheException rejected(String pack, String why, Throwable cause) {
    return PackRejection.of(pack, why, cause);
  }
}
