package io.stepcache.engine.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests as hex, the one way the engine names things by content (entry ids, fingerprints, digests). */
public final class Sha256 {

  private static final MessageDigest PROTOTYPE = lookUp();

  private Sha256() {}

  /** The first {@code bytes} bytes, as hex, of the SHA-256 of {@code parts}, each followed by a NUL. */
  public static String hex(List<String> parts, int bytes) {
    MessageDigest sha = newDigest();
    for (String p : parts) {
      sha.update(p.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest(), 0, bytes);
  }

  /** The first {@code bytes} bytes, as hex, of the SHA-256 of {@code text}'s UTF-8. */
  public static String hex(String text, int bytes) {
    return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
  }

  /**
   * A fresh digest: a clone of one looked up once (entry ids are computed on the REUSE path, and {@code
   * getInstance} walks the security providers on every call), or a lookup where the provider cannot clone.
   */
  private static MessageDigest newDigest() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return lookUp();
    }
  }

  private static MessageDigest lookUp() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
