package io.stepcache.packhost;

import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.PackRejection;
import io.stepcache.spi.SpiVersion;
import io.stepcache.spi.TaskPack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * A pack jar staged for loading: copied into its own deployment directory (so the original may be
 * replaced or deleted at any time) with its bundled libraries unpacked next to it, and checked
 * before any of its classes is loaded.
 *
 * <p>The pack jar format: the pack's classes and resources, {@code
 * META-INF/services/io.stepcache.spi.TaskPack} naming exactly one class, and every library the pack
 * needs as {@code lib/<name>.jar} (nested jars, unpacked here; see {@link PackClassLoader}). The
 * manifest may declare {@value #REQUIRES_SPI} (e.g. {@code [1.0,2.0)}), checked against {@link
 * SpiVersion#CURRENT} before anything loads. A shaded jar (libraries merged in) works too: it is
 * simply a pack jar without {@code lib/}.
 */
public final class PackArchive implements AutoCloseable {

  /** The service file every pack jar must contain. */
  public static final String SERVICE_FILE = "META-INF/services/" + TaskPack.class.getName();

  /** Optional manifest attribute: the SPI range the pack accepts, checked before any class loads. */
  public static final String REQUIRES_SPI = "StepCache-Requires-Spi";

  private static final Pattern LIB = Pattern.compile("lib/[^/]+\\.jar");

  private final Path directory;
  private final Path jar;
  private final List<Path> libraries;
  private final String sha256;
  private final String origin;

  private PackArchive(Path directory, Path jar, List<Path> libraries, String sha256, String origin) {
    this.directory = directory;
    this.jar = jar;
    this.libraries = List.copyOf(libraries);
    this.sha256 = sha256;
    this.origin = origin;
  }

  /**
   * Copies {@code source} into {@code directory} (created; must not exist yet or be empty) and
   * checks it.
   *
   * @param origin how to name the jar in messages (its file name, {@code upload})
   * @throws StepCacheException {@code PACK_REJECTED} when the file is not a jar, holds no pack, or
   *     declares an SPI range this server does not satisfy; nothing is left behind
   */
  public static PackArchive stage(Path source, Path directory, String origin) {
    return stage(source, directory, origin, PackSignatures.notRequired());
  }

  /**
   * Copies {@code source} into {@code directory} and checks it, its signature first ({@code signatures}).
   *
   * @throws StepCacheException {@code PACK_REJECTED} as {@link #stage(Path, Path, String)}, and for a jar that is
   *     not signed, not completely signed, tampered with or signed by a stranger where signatures are required
   */
  public static PackArchive stage(Path source, Path directory, String origin, PackSignatures signatures) {
    try {
      Files.createDirectories(directory);
      Path jar = directory.resolve("pack.jar");
      String sha;
      try (InputStream in = new DigestInputStream(Files.newInputStream(source), newSha256())) {
        Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        sha = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
      }
      signatures.check(jar, origin);
      List<Path> libs = inspect(jar, directory, origin);
      return new PackArchive(directory, jar, libs, sha, origin);
    } catch (IOException e) {
      deleteQuietly(directory);
      throw rejected(origin, "it could not be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(directory);
      throw e;
    }
  }

  private static List<Path> inspect(Path jar, Path directory, String origin) throws IOException {
    List<Path> libs = new ArrayList<>();
    try (JarFile jf = new JarFile(jar.toFile())) {
      if (jf.getEntry(SERVICE_FILE) == null) {
        throw rejected(
            origin,
            "it contains no task pack: " + SERVICE_FILE + " is missing (a pack jar names its TaskPack class there)");
      }
      Manifest manifest = jf.getManifest();
      String range = manifest == null ? null : manifest.getMainAttributes().getValue(REQUIRES_SPI);
      if (range != null) {
        checkSpiRange(origin, range);
      }
      Path libDir = directory.resolve("lib");
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (!e.isDirectory() && LIB.matcher(e.getName()).matches()) {
          Files.createDirectories(libDir);
          Path target = libDir.resolve(e.getName().substring("lib/".length()));
          try (InputStream in = jf.getInputStream(e)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
          libs.add(target);
        }
      }
    } catch (ZipException e) {
      throw notAJar(origin, e);
    }
    libs.sort(null);
    return libs;
  }

  private static void checkSpiRange(String origin, String range) {
    boolean ok;
    try {
      ok = SpiVersion.satisfies(SpiVersion.CURRENT, range);
    } catch (IllegalArgumentException e) {
      throw rejected(origin, "its manifest's " + REQUIRES_SPI + " '" + range + "' is invalid: " + e.getMessage(), e);
    }
    if (!ok) {
      throw rejected(
          origin,
          "it requires SPI " + range + " (manifest " + REQUIRES_SPI + ") but this server provides SPI "
              + SpiVersion.CURRENT);
    }
  }

  /** The class path of the pack: the jar, then its libraries in name order. */
  public List<URL> classPath() {
    List<URL> urls = new ArrayList<>();
    try {
      urls.add(jar.toUri().toURL());
      for (Path lib : libraries) {
        urls.add(lib.toUri().toURL());
      }
    } catch (MalformedURLException e) {
      throw new IllegalStateException("A file path is no URL: " + e.getMessage(), e);
    }
    return urls;
  }

  /** The unpacked libraries ({@code lib/*.jar}). */
  public List<Path> libraries() {
    return libraries;
  }

  /** SHA-256 (hex) of the jar as it was staged. */
  public String sha256() {
    return sha256;
  }

  /** How messages name the jar. */
  public String origin() {
    return origin;
  }

  /** The deployment directory. */
  public Path directory() {
    return directory;
  }

  /** Deletes the deployment directory (call after the pack's class loader is closed). */
  @Override
  public void close() {
    deleteQuietly(directory);
  }

  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | UncheckedIOException e) {
      java.util.logging.Logger.getLogger(PackArchive.class.getName())
          .warning(() -> "Could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
  }

  static StepCacheException notAJar(String origin, ZipException e) {
    return rejected(origin, "it is not a jar (zip) file: " + e.getMessage(), e);
  }

  static StepCacheException rejected(String origin, String why) {
    return rejected(origin, why, null);
  }

  static StepCacheException rejected(String origin, String why, Throwable cause) {
    return PackRejection.ofJar(
        PackManager.UPLOAD.equals(origin) ? "The uploaded pack jar" : "Pack jar '" + origin + "'", why, cause);
  }
}
