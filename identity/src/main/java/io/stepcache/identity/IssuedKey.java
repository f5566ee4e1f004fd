package io.stepcache.identity;

import java.util.Objects;

/**
 * A key just issued: its description and the full key, which is shown this once and never stored.
 *
 * @param info what is stored about the key
 * @param key the full key ({@code sck_<id>_<secret>}), as the client sends it after {@code Bearer }
 */
public record IssuedKey(ApiKeyInfo info, String key) {

  public IssuedKey {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public String toString() {
    return "IssuedKey[" + info + ", key=<hidden>]"; // a log line must never carry the secret
  }
}
