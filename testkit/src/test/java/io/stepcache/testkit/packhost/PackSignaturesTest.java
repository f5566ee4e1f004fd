package io.stepcache.testkit.packhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.packhost.PackArchive;
import io.stepcache.packhost.PackSignatures;
import io.stepcache.testkit.PackJarBuilder;
import io.stepcache.testkit.PackSigner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed packs (pack-host's PackSignatures, through PackArchive.stage): who may run code in the server. */
class PackSignaturesTest {

  @TempDir static Path keys;
  @TempDir Path dir;

  private static PackSigner trusted;
  private static PackSigner stranger;

  @BeforeAll
  static void makeKeys() {
    trusted = PackSigner.generate(keys, "CN=Acme Packs");
    stranger = PackSigner.generate(keys, "CN=Someone Else");
  }

  private static Map<String, byte[]> pack() {
    Map<String, byte[]> e = new LinkedHashMap<>();
    e.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    e.put(PackArchive.SERVICE_FILE, "com.acme.AcmePack\n".getBytes(StandardCharsets.UTF_8));
    e.put("com/acme/AcmePack.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
    e.put("lib/helper.jar", zip(Map.of("h.txt", "help".getBytes(StandardCharsets.UTF_8))));
    return e;
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    return PackJarBuilder.zip(entries);
  }

  /** {@code jar}'s entries, changed by {@code change}, zipped again (signature files kept as they were). */
  private static byte[] rewrite(byte[] jar, UnaryOperator<Map<String, byte[]>> change) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return zip(change.apply(entries));
  }

  private Path file(byte[] jar) throws IOException {
    return Files.write(Files.createTempFile(dir, "pack", ".jar"), jar);
  }

  private void staged(byte[] jar, PackSignatures signatures) throws IOException {
    try (PackArchive a = PackArchive.stage(file(jar), dir.resolve("deploy-" + System.nanoTime()), "acme.jar",
        signatures)) {
      assertThat(a.libraries()).hasSize(1);
    }
  }

  private void rejected(byte[] jar, PackSignatures signatures, String why) {
    Path deploy = dir.resolve("rejected-" + System.nanoTime());
    assertThatThrownBy(() -> PackArchive.stage(file(jar), deploy, "acme.jar", signatures))
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PACK_REJECTED))
        .hasMessageContaining("acme.jar").hasMessageContaining(why);
    assertThat(deploy).as("nothing is left behind").doesNotExist();
  }

  @Test
  void aJarSignedByATrustedCertificateIsStaged() throws IOException {
    staged(trusted.sign(zip(pack())), PackSignatures.trusting(List.of(trusted.certificate())));
    staged(zip(pack()), PackSignatures.notRequired());
  }

  @Test
  void unsignedTamperedPartlySignedAndStrangersJarsAreRejected() throws IOException {
    PackSignatures acme = PackSignatures.trusting(List.of(trusted.certificate()));
    byte[] signed = trusted.sign(zip(pack()));

    rejected(zip(pack()), acme, "it is not signed");
    rejected("not a zip".getBytes(StandardCharsets.UTF_8), acme, "it is not a jar (zip) file");
    rejected(rewrite(signed, e -> {
      byte[] cls = e.get("com/acme/AcmePack.class").clone();
      cls[7]++; // one byte of one class
      e.put("com/acme/AcmePack.class", cls);
      return e;
    }), acme, "does not match its signature");
    rejected(rewrite(signed, e -> {
      e.put("com/acme/Added.class", new byte[] {1, 2, 3});
      return e;
    }), acme, "entry com/acme/Added.class is not covered by its signature");
    rejected(stranger.sign(zip(pack())), acme, "signed by [CN=Someone Else], whom this server does not trust");
    rejected(signed, PackSignatures.trusting(List.of()), "trusts no signer");
  }

  @Test
  void trustedCertificatesComeFromAPemFile() throws IOException {
    Path pem = Files.writeString(dir.resolve("trusted.pem"), stranger.certificatePem() + trusted.certificatePem());
    PackSignatures both = PackSignatures.trustingFile(pem);
    assertThat(both.trustedSubjects()).containsExactly("CN=Someone Else", "CN=Acme Packs");
    staged(trusted.sign(zip(pack())), both);
    staged(stranger.sign(zip(pack())), both);

    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    assertThatThrownBy(() -> PackSignatures.trustingFile(empty)).hasMessageContaining("empty.pem");
    assertThatThrownBy(() -> PackSignatures.trustingFile(dir.resolve("missing.pem")))
        .hasMessageContaining("missing.pem").hasMessageContaining("cannot be read");
  }
}
