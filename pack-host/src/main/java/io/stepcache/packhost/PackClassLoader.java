package io.stepcache.packhost;

import io.stepcache.spi.TaskPack;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;

/**
 * The class loader of one deployed pack jar (after Trino's {@code PluginClassLoader}).
 *
 * <p>Delegation order, for a class or resource name:
 *
 * <ol>
 *   <li>already loaded by this loader: that class;
 *   <li>in a {@linkplain #SHARED_PACKAGES shared package} (the SPI, {@code io.stepcache.spi.}): the
 *       host's SPI class loader, so that the pack's {@code TaskPack}, {@code Verdicts} and every
 *       other SPI type are the host's very classes;
 *   <li>otherwise the parent, which is the JDK's <em>platform</em> class loader ({@code java.*},
 *       {@code javax.*}...): the pack never sees the application class path, so the host's own
 *       libraries (Drools, Infinispan, Jakarta, the built-in packs' Commons Math and org.json...)
 *       are invisible to it;
 *   <li>then the pack jar itself, then its bundled libraries ({@code lib/*.jar} inside the pack
 *       jar, unpacked next to it by {@link PackArchive}), in that order.
 * </ol>
 *
 * <p>Consequences for pack authors: depend on {@code stepcache-plugins-spi} with scope {@code
 * provided}, bundle every other dependency in {@code lib/}, never bundle the SPI (a bundled copy is
 * ignored). Two packs may bundle different versions of the same library.
 *
 * <p>Drools compiles a pack's DRL against this loader, but the classes Drools generates also need
 * Drools itself; the {@code rules} module gives the compiler a view that adds Drools on top of this
 * loader (see {@code io.stepcache.rules.internal.RulesClassLoader}), so the pack's own code still
 * cannot see Drools.
 */
public final class PackClassLoader extends URLClassLoader {

  /** Package prefixes shared with the host: the SPI and nothing else. */
  public static final List<String> SHARED_PACKAGES = List.of("io.stepcache.spi.");

  private static final List<String> SHARED_RESOURCES =
      SHARED_PACKAGES.stream().map(p -> p.replace('.', '/')).toList();

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader spiLoader;

  /**
   * @param name a name for diagnostics ({@code pack:unit-convert@1.0.0})
   * @param urls the pack jar first, then its libraries
   */
  public PackClassLoader(String name, List<URL> urls) {
    this(name, urls, TaskPack.class.getClassLoader());
  }

  PackClassLoader(String name, List<URL> urls, ClassLoader spiLoader) {
    super(name, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    this.spiLoader = Objects.requireNonNull(spiLoader, "spiLoader");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = isShared(name) ? spiLoader.loadClass(name) : super.loadClass(name, false);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    return isSharedResource(name) ? spiLoader.getResource(name) : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return isSharedResource(name) ? spiLoader.getResources(name) : super.getResources(name);
  }

  /** True for class names in a shared package. */
  public static boolean isShared(String className) {
    for (String p : SHARED_PACKAGES) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSharedResource(String name) {
    String n = name.startsWith("/") ? name.substring(1) : name;
    for (String p : SHARED_RESOURCES) {
      if (n.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "PackClassLoader[" + getName() + "]";
  }
}
