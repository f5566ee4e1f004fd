package io.stepcache.engine.internal;

import io.stepcache.engine.store.Sha256;
import java.util.List;

/** A short, stable fingerprint of a list of step templates (names a stored variant). */
final class Fingerprint {

  private Fingerprint() {}

  /** The first 12 hex digits of the SHA-256 of the templates, each followed by a NUL. */
  static String of(List<String> templates) {
    return Sha256.hex(templates, 6);
  }
}
