package io.stepcache.testkit;

import io.stepcache.packhost.PackArchive;
import io.stepcache.spi.TaskPack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes real pack jars for deployment tests (after pf4j's {@code PluginJar}): classes copied from
 * the compiled classes on the test class path, resources, the service file, manifest attributes and
 * nested libraries ({@code lib/*.jar}).
 *
 * <pre>{@code
 * Path jar = PackJarBuilder.create()
 *     .packageOf(MyTaskPack.class)                 // every class of that package
 *     .resourceFrom(MyTaskPack.class, "/stepcache/my-pack/rules.drl")
 *     .service(MyTaskPack.class)
 *     .library("helper.jar", PackJarBuilder.create().packageOf(Helper.class))
 *     .writeTo(tempDir.resolve("my-pack.jar"));
 * }</pre>
 *
 * The classes stay on the test class path too, but a pack loaded from the jar gets its own copies
 * from its own class loader, which is exactly what a deployment test needs.
 */
public final class PackJarBuilder {

  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private final Manifest manifest = new Manifest();

  private PackJarBuilder() {
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
  }

  public static PackJarBuilder create() {
    return new PackJarBuilder();
  }

  /** Every class file of {@code anchor}'s package (not of sub-packages), nested classes included. */
  public PackJarBuilder packageOf(Class<?> anchor) {
    String dir = anchor.getPackageName().replace('.', '/') + "/";
    Path root = codeSource(anchor);
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.list(root.resolve(dir))) {
          for (Path f : (Iterable<Path>) files::iterator) {
            if (f.getFileName().toString().endsWith(".class")) {
              entries.put(dir + f.getFileName(), Files.readAllBytes(f));
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          Enumeration<JarEntry> all = jar.entries();
          while (all.hasMoreElements()) {
            JarEntry e = all.nextElement();
            String rest = e.getName().startsWith(dir) ? e.getName().substring(dir.length()) : null;
            if (rest != null && rest.endsWith(".class") && !rest.contains("/")) {
              try (InputStream in = jar.getInputStream(e)) {
                entries.put(e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the classes of " + anchor.getPackageName(), e);
    }
    return this;
  }

  /** One class file per type (a nested class is a type of its own: list it, or use {@link #packageOf}). */
  public PackJarBuilder classes(Class<?>... types) {
    for (Class<?> type : types) {
      String path = type.getName().replace('.', '/') + ".class";
      entries.put(path, read(type, "/" + path));
    }
    return this;
  }

  /** A resource with the given bytes, at {@code path} (no leading slash). */
  public PackJarBuilder resource(String path, byte[] content) {
    entries.put(strip(path), content.clone());
    return this;
  }

  /** A text resource (UTF-8). */
  public PackJarBuilder resource(String path, String text) {
    return resource(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A resource copied from the class path of {@code anchor}, at the same path. */
  public PackJarBuilder resourceFrom(Class<?> anchor, String path) {
    entries.put(strip(path), read(anchor, path.startsWith("/") ? path : "/" + path));
    return this;
  }

  /** {@code META-INF/services/io.stepcache.spi.TaskPack} naming {@code packClass}. */
  public PackJarBuilder service(Class<? extends TaskPack> packClass) {
    return service(packClass.getName());
  }

  /** {@code META-INF/services/io.stepcache.spi.TaskPack} with the given content (class names). */
  public PackJarBuilder service(String content) {
    return resource(PackArchive.SERVICE_FILE, content + "\n");
  }

  /** A main attribute of the manifest, e.g. {@code StepCache-Requires-Spi}. */
  public PackJarBuilder manifest(String name, String value) {
    manifest.getMainAttributes().put(new Attributes.Name(name), value);
    return this;
  }

  /** A nested library, {@code lib/<name>}. */
  public PackJarBuilder library(String name, PackJarBuilder library) {
    entries.put("lib/" + name, library.toBytes());
    return this;
  }

  /** Drops an entry added before (e.g. the service file, to build a jar without a pack). */
  public PackJarBuilder without(String path) {
    entries.remove(strip(path));
    return this;
  }

  /** The jar's bytes. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A zip of exactly {@code entries}, in their order, nothing added: for jars a test takes apart and puts
   * together again (a signed jar with one entry changed, say).
   */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes the jar (parent directories created) and returns {@code file}. */
  public Path writeTo(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, toBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return file;
  }

  private static String strip(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static byte[] read(Class<?> anchor, String path) {
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No " + path + " on the class path of " + anchor.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }

  private static Path codeSource(Class<?> anchor) {
    CodeSource cs = anchor.getProtectionDomain().getCodeSource();
    URL location = cs == null ? null : cs.getLocation();
    if (location == null) {
      throw new IllegalArgumentException("Cannot tell where " + anchor.getName() + " was loaded from");
    }
    try {
      return Path.of(location.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a file location: " + location, e);
    }
  }

  @Override
  public String toString() {
    return "PackJarBuilder" + Objects.toString(entries.keySet());
  }
}
