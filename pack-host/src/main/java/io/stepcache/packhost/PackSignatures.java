package io.stepcache.packhost;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * Which pack jars may run: a pack's code runs with the server's permissions, so where signatures are required a
 * jar must be signed (jarsigner) with every entry covered, by a certificate this server trusts. Trust is pinned:
 * a signer is trusted when its certificate, or one of its chain, is among the trusted certificates (read from a
 * PEM or DER file, no password). A tampered entry, an unsigned entry, an unsigned jar or a stranger's signature
 * rejects the jar before any of its classes is loaded.
 */
public final class PackSignatures {

  private static final PackSignatures NOT_REQUIRED = new PackSignatures(false, List.of(), null);

  private final boolean required;
  private final List<X509Certificate> trusted;
  private final Path source;

  private PackSignatures(boolean required, List<X509Certificate> trusted, Path source) {
    this.required = required;
    this.trusted = List.copyOf(trusted);
    this.source = source;
  }

  /** Unsigned jars are accepted (development, the test kit, the benchmarks). */
  public static PackSignatures notRequired() {
    return NOT_REQUIRED;
  }

  /** Only jars signed by one of {@code certificates} (none: every jar is rejected, saying so). */
  public static PackSignatures trusting(Collection<X509Certificate> certificates) {
    return new PackSignatures(true, new ArrayList<>(certificates), null);
  }

  /**
   * Only jars signed by a certificate of {@code file}: X.509 certificates, PEM (one or more) or DER.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
   */
  public static PackSignatures trustingFile(Path file) {
    List<X509Certificate> certs = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certs.add((X509Certificate) c);
      }
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException("The trusted pack certificates " + file.toAbsolutePath()
          + " cannot be read: " + e.getMessage(), e);
    }
    if (certs.isEmpty()) {
      throw new IllegalArgumentException("The trusted pack certificates " + file.toAbsolutePath()
          + " hold no certificate");
    }
    return new PackSignatures(true, certs, file.toAbsolutePath());
  }

  /** Whether a jar must be signed. */
  public boolean required() {
    return required;
  }

  /** The trusted signers' subjects, for logs. */
  public List<String> trustedSubjects() {
    return trusted.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
  }

  /**
   * Checks {@code jar}; nothing is loaded from it.
   *
   * @param origin how messages name the jar
   * @throws io.stepcache.engine.error.StepCacheException {@code PACK_REJECTED} with the reason
   */
  void check(Path jar, String origin) throws IOException {
    if (!required) {
      return;
    }
    if (trusted.isEmpty()) {
      throw PackArchive.rejected(origin, "signed packs are required (stepcache.packs.requireSigned) and this server"
          + " trusts no signer: set stepcache.packs.trustedCertificates");
    }
    boolean anySigned = false;
    try (JarFile jf = new JarFile(jar.toFile(), true)) {
      byte[] buffer = new byte[8192];
      Enumeration<JarEntry> entries = jf.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (e.isDirectory() || isSignatureFile(e.getName())) {
          continue;
        }
        try (InputStream in = jf.getInputStream(e)) {
          while (in.read(buffer) >= 0) {
            // reading to the end is what verifies the entry against its signed digest
          }
        } catch (SecurityException tampered) {
          throw PackArchive.rejected(origin, "entry " + e.getName() + " does not match its signature (the jar was"
              + " changed after signing): " + tampered.getMessage(), tampered);
        }
        CodeSigner[] signers = e.getCodeSigners();
        if (signers == null || signers.length == 0) {
          throw PackArchive.rejected(origin, anySigned || hasSignatureFiles(jf)
              ? "entry " + e.getName() + " is not covered by its signature (every entry must be signed)"
              : "it is not signed; this server runs only packs signed (jarsigner) by a trusted certificate");
        }
        anySigned = true;
        if (!trustedAmong(signers)) {
          Set<String> strangers = new LinkedHashSet<>();
          for (CodeSigner s : signers) {
            strangers.add(((X509Certificate) s.getSignerCertPath().getCertificates().get(0))
                .getSubjectX500Principal().getName());
          }
          throw PackArchive.rejected(origin, "it is signed by " + strangers + ", whom this server does not trust"
              + " (stepcache.packs.trustedCertificates: " + trustedSubjects() + ")");
        }
      }
    } catch (ZipException e) {
      throw PackArchive.notAJar(origin, e);
    } catch (SecurityException badSignature) {
      throw PackArchive.rejected(origin, "its signature is invalid: " + badSignature.getMessage(), badSignature);
    }
    if (!anySigned) {
      throw PackArchive.rejected(origin, "it is not signed; this server runs only packs signed (jarsigner) by a"
          + " trusted certificate");
    }
  }

  private boolean trustedAmong(CodeSigner[] signers) {
    for (CodeSigner s : signers) {
      for (Certificate c : s.getSignerCertPath().getCertificates()) {
        if (trusted.contains(c)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasSignatureFiles(JarFile jf) {
    return jf.stream().anyMatch(e -> isSignatureFile(e.getName()) && !e.getName().endsWith("MANIFEST.MF"));
  }

  /** The manifest and the signature files jarsigner writes, which the signature does not cover itself. */
  static boolean isSignatureFile(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
      return false;
    }
    return n.equals("META-INF/MANIFEST.MF") || n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")
        || n.endsWith(".EC") || n.startsWith("META-INF/SIG-");
  }

  @Override
  public String toString() {
    return !required ? "unsigned packs accepted"
        : "packs signed by " + trustedSubjects() + (source == null ? "" : " (" + source + ")");
  }
}
