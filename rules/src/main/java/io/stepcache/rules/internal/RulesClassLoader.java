package io.stepcache.rules.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Drools compiles a pack's DRL against: the pack's class loader plus Drools itself.
 *
 * <p>A hot-deployed pack's {@code PackClassLoader} shares only the SPI with the host, so it cannot
 * see Drools. But the classes Drools generates from a DRL (consequences, MVEL accessors) reference
 * both the pack's fact classes and Drools' runtime ({@code org.drools.}, {@code org.kie.}, {@code
 * org.mvel2.}), and Drools resolves all of them through the one class loader it is given. This view
 * answers the {@linkplain #DROOLS_PACKAGES Drools packages} from Drools' own loader and everything
 * else from the pack's; the pack's code itself still never sees Drools. Resources come from the
 * pack first, then from Drools (its {@code META-INF/kie*.conf} configuration files).
 *
 * <p>{@link #detach()} (when the rules are closed) drops the reference to the pack's loader, so a
 * Drools-internal cache that keeps this small view alive cannot keep the pack's classes alive.
 */
final class RulesClassLoader extends ClassLoader {

  /** Package prefixes resolved from Drools' class loader. */
  static final List<String> DROOLS_PACKAGES = List.of("org.drools.", "org.kie.", "org.mvel2.");

  private static final List<String> DROOLS_RESOURCES =
      DROOLS_PACKAGES.stream().map(p -> p.replace('.', '/')).toList();

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader drools;
  private volatile ClassLoader pack;

  RulesClassLoader(ClassLoader pack, ClassLoader drools) {
    super(pack.getName() == null ? "rules" : "rules:" + pack.getName(), ClassLoader.getPlatformClassLoader());
    this.pack = Objects.requireNonNull(pack, "pack");
    this.drools = Objects.requireNonNull(drools, "drools");
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    Class<?> c = isDrools(name) ? drools.loadClass(name) : pack().loadClass(name);
    if (resolve) {
      resolveClass(c);
    }
    return c;
  }

  @Override
  public URL getResource(String name) {
    if (isDroolsResource(name)) {
      return drools.getResource(name);
    }
    ClassLoader p = pack;
    URL url = p == null ? null : p.getResource(name);
    return url != null ? url : drools.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (isDroolsResource(name)) {
      return drools.getResources(name);
    }
    Set<URL> all = new LinkedHashSet<>();
    ClassLoader p = pack;
    if (p != null) {
      all.addAll(Collections.list(p.getResources(name)));
    }
    all.addAll(Collections.list(drools.getResources(name)));
    return Collections.enumeration(new ArrayList<>(all));
  }

  /** Forgets the pack's loader; afterwards only Drools' classes load through this view. */
  void detach() {
    pack = null;
  }

  private ClassLoader pack() throws ClassNotFoundException {
    ClassLoader p = pack;
    if (p == null) {
      throw new ClassNotFoundException("The rules were closed: the pack's classes are gone");
    }
    return p;
  }

  private static boolean isDrools(String className) {
    for (String prefix : DROOLS_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDroolsResource(String name) {
    for (String prefix : DROOLS_RESOURCES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
