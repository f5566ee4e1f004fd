package it.io.stepcache.liberty;

import io.stepcache.testkit.PackJarBuilder;
import io.stepcache.testkit.PackSigner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The unit-convert pack jar as the build made it, and variants of it: a new version, broken rules, a
 * broken unit catalogue, no service file, another SPI range. Each variant is what an author would
 * get by changing one file of the pack and rebuilding, and signing it again with the build's test key
 * ({@link #bytes()}; the IT server trusts only that key), or not ({@link #unsignedBytes()}).
 */
final class PackJars {

  static final String SERVICE = "META-INF/services/io.stepcache.spi.TaskPack";
  static final String VERSION = "stepcache/unit-convert/pack.properties";
  static final String STEPS_DRL = "stepcache/unit-convert/steps.drl";
  static final String UNITS = "stepcache/unit-convert/units.properties";

  private final Map<String, byte[]> entries;

  private PackJars(Map<String, byte[]> entries) {
    this.entries = entries;
  }

  /** The built jar (failsafe passes its path as it.pack.jar). */
  static Path builtJar() {
    Path jar = Path.of(System.getProperty("it.pack.jar", "target/it-packs/unit-convert.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("The unit-convert pack jar is missing: " + jar.toAbsolutePath()
          + " (mvn verify builds it; from an IDE run mvn -pl plugins/unit-convert install first)");
    }
    return jar;
  }

  static PackJars unitConvert() {
    try {
      return read(Files.readAllBytes(builtJar()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The build's test signer (tools/pack-signing), whose certificate the IT server trusts. */
  static PackSigner testSigner() {
    Path dir = Path.of(System.getProperty("it.signing.dir", "../plugins/unit-convert/target/signing"));
    return PackSigner.fromKeyStore(dir.resolve("test-signer.p12"), System.getProperty("it.signing.storepass"),
        "test-signer");
  }

  private static PackJars read(byte[] jar) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        if (!e.isDirectory() && !isSignatureFile(e.getName())) { // a variant is signed again
          entries.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return new PackJars(entries);
  }

  PackJars with(String path, String text) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.put(path, text.getBytes(StandardCharsets.UTF_8));
    return new PackJars(copy);
  }

  PackJars without(String path) {
    Map<String, byte[]> copy = new LinkedHashMap<>(entries);
    copy.remove(path);
    return new PackJars(copy);
  }

  /** The version the build wrote into pack.properties. */
  String versionOfBuild() {
    String text = new String(entries.get(VERSION), StandardCharsets.UTF_8);
    return text.lines().filter(l -> l.startsWith("version=")).map(l -> l.substring(8).strip()).findFirst().orElseThrow();
  }

  /** The same jar with another pack version (pack.properties). */
  PackJars version(String version) {
    return with(VERSION, "version=" + version + "\n");
  }

  /** The same jar with a main manifest attribute set. */
  PackJars manifest(String name, String value) {
    try {
      Manifest m = new Manifest(new ByteArrayInputStream(entries.get(JarFile.MANIFEST_NAME)));
      m.getMainAttributes().put(new Attributes.Name(name), value);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      m.write(out);
      Map<String, byte[]> copy = new LinkedHashMap<>(entries);
      copy.put(JarFile.MANIFEST_NAME, out.toByteArray());
      return new PackJars(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSignatureFile(String name) {
    String n = name.toUpperCase(java.util.Locale.ROOT);
    return n.startsWith("META-INF/") && n.indexOf('/', 9) < 0
        && (n.endsWith(".SF") || n.endsWith(".EC") || n.endsWith(".RSA") || n.endsWith(".DSA"));
  }

  /** The jar signed with the build's test key. */
  byte[] bytes() {
    return SIGNER.get().sign(unsignedBytes());
  }

  private static final java.util.function.Supplier<PackSigner> SIGNER = new java.util.function.Supplier<>() {
    private PackSigner signer;

    @Override
    public synchronized PackSigner get() {
      if (signer == null) {
        signer = testSigner();
      }
      return signer;
    }
  };

  /** The jar signed by {@code signer}. */
  byte[] signedBy(PackSigner signer) {
    return signer.sign(unsignedBytes());
  }

  /** The signed jar with one byte of {@code path} changed afterwards, as a tampered download would be. */
  byte[] tampered(String path) {
    try {
      Map<String, byte[]> signed = new LinkedHashMap<>();
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes()))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          signed.put(e.getName(), in.readAllBytes());
        }
      }
      byte[] changed = signed.get(path).clone();
      changed[changed.length / 2]++;
      signed.put(path, changed);
      return zip(signed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar as built but without any signature. */
  byte[] unsignedBytes() {
    return zip(entries);
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    return PackJarBuilder.zip(entries);
  }

  /** Writes the jar to {@code file}'s directory under a dot-name, then renames it into place. */
  Path dropAtomically(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.write(tmp, bytes());
      return Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
