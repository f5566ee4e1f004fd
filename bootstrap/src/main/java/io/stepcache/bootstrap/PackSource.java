package io.stepcache.bootstrap;

import io.stepcache.spi.TaskPack;
import java.nio.file.Path;
import java.util.Objects;

/** Where the packs StepCache starts with come from. */
public sealed interface PackSource {

  /** Every pack {@code classLoader} finds through {@link java.util.ServiceLoader} (a server's WAR). */
  static PackSource classPath(ClassLoader classLoader) {
    return new ClassPath(classLoader);
  }

  /** One pack instance, its classes from its own class loader (a unit test of the pack). */
  static PackSource instance(TaskPack pack) {
    return new Instance(pack);
  }

  /**
   * A built pack jar, loaded in its own class loader that sees only the JDK, the SPI, the jar and
   * its {@code lib/*.jar}, exactly as a hot deployment loads it.
   */
  static PackSource jar(Path jar) {
    return new Jar(jar);
  }

  /** @param classLoader searched with {@link java.util.ServiceLoader} */
  record ClassPath(ClassLoader classLoader) implements PackSource {
    public ClassPath {
      Objects.requireNonNull(classLoader, "classLoader");
    }
  }

  /** @param pack the pack */
  record Instance(TaskPack pack) implements PackSource {
    public Instance {
      Objects.requireNonNull(pack, "pack");
    }
  }

  /** @param jar the pack jar */
  record Jar(Path jar) implements PackSource {
    public Jar {
      Objects.requireNonNull(jar, "jar");
    }
  }
}
