package io.stepcache.engine.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A short, stable fingerprint of a list of step templates (names a stored variant). */
final class Fingerprint {

  private Fingerprint() {}

  /** The first 12 hex digits of the SHA-256 of the templates, each followed by a NUL. */
  static String of(List<String> templates) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    for (String t : templates) {
      sha.update(t.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest(), 0, 6);
  }
}
