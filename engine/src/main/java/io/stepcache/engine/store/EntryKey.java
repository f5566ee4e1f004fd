package io.stepcache.engine.store;

import java.util.Objects;

/**
 * Where a cached answer lives: tenant, pack key ({@code id@version#rulesHash}) and structure key.
 * Tenants are part of every key, so no entry of one tenant can be a candidate for another.
 */
public record EntryKey(String tenant, String packKey, String structureKey) {

  private static final char SEP = '\u001f';

  public EntryKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(packKey, "packKey");
    Objects.requireNonNull(structureKey, "structureKey");
  }

  /** The key as one string (store keys); tenant and pack key come first so prefixes group them. */
  public String asString() {
    return tenant + SEP + packKey + SEP + structureKey;
  }

  /** The scope of neighbour search: tenant plus pack key. */
  public String scope() {
    return tenant + SEP + packKey;
  }
}
