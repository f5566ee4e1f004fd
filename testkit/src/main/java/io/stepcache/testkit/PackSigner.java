package io.stepcache.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;

/**
 * Signs pack jars as jarsigner does (the JDK's {@link JarSigner} API), for tests of servers that require signed
 * packs: with the build's test key ({@link #fromKeyStore}) or a stranger's ({@link #generate}, a fresh key made
 * with the JDK's keytool). Never a production key: the keys are throwaway files under {@code target/}.
 */
public final class PackSigner {

  private final PrivateKey key;
  private final CertPath chain;

  private PackSigner(PrivateKey key, CertPath chain) {
    this.key = key;
    this.chain = chain;
  }

  /** The signer in a PKCS12 key store. */
  public static PackSigner fromKeyStore(Path p12, String password, String alias) {
    try (InputStream in = Files.newInputStream(p12)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password.toCharArray());
      PrivateKey key = (PrivateKey) ks.getKey(alias, password.toCharArray());
      if (key == null) {
        throw new IllegalArgumentException(p12 + " has no key '" + alias + "'");
      }
      List<java.security.cert.Certificate> certs = Arrays.asList(ks.getCertificateChain(alias));
      return new PackSigner(key, CertificateFactory.getInstance("X.509").generateCertPath(certs));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the signing key store " + p12 + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the signing key store " + p12 + ": " + e.getMessage(), e);
    }
  }

  /** A new self-signed EC key for {@code subject} ({@code CN=...}), kept in {@code dir}. */
  public static PackSigner generate(Path dir, String subject) {
    String password = "throwaway-" + Long.toHexString(System.nanoTime());
    try {
      Files.createDirectories(dir);
      Path p12 = Files.createTempFile(dir, "signer", ".p12");
      Files.delete(p12); // keytool creates it
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "signer", "-keyalg", "EC",
          "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", subject, "-validity", "3650",
          "-storetype", "PKCS12", "-keystore", p12.toString(), "-storepass", password, "-keypass", password)
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed to make a key for " + subject + ": " + out);
      }
      return fromKeyStore(p12, password, "signer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making a key", e);
    }
  }

  /** The signer's certificate, as a server would trust it. */
  public X509Certificate certificate() {
    return (X509Certificate) chain.getCertificates().get(0);
  }

  /** The certificate in PEM, for a server's trusted-certificates file. */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate().getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code jar} signed: every entry covered, SHA-256 digests. */
  public byte[] sign(byte[] jar) {
    try {
      Path tmp = Files.createTempFile("pack-to-sign", ".jar");
      try {
        Files.write(tmp, jar);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(tmp.toFile())) {
          new JarSigner.Builder(key, chain).digestAlgorithm("SHA-256").signerName("PACK").build().sign(zip, out);
        }
        return out.toByteArray();
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with " + certificate().getSubjectX500Principal() + ": " + e, e);
    }
  }
}
