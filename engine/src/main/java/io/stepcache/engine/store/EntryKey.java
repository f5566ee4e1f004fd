package io.stepcache.engine.store;

import java.util.Objects;

/**
 * Where a cached answer lives: tenant, pack key ({@code id@version#rulesHash}) and structure key.
 * Tenants are part of every key, so no entry of one tenant can be a candidate for another.
 *
 * <p>One structure key may hold several <em>variants</em>: answers whose step templates differ
 * (a pack that keeps values literal stores one variant per value set). A variant's structure key
 * is the pack's structure key, {@value #VARIANT_SEP_TEXT}, and a fingerprint of its templates;
 * {@link #baseStructureKey()} strips the suffix.
 */
public record EntryKey(String tenant, String packKey, String structureKey) {

  private static final char SEP = '\u001f';
  private static final char VARIANT_SEP = '\u001e';
  /** How the variant separator is documented. */
  static final String VARIANT_SEP_TEXT = "U+001E";

  public EntryKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(packKey, "packKey");
    Objects.requireNonNull(structureKey, "structureKey");
  }

  /** The key as one string (store keys); tenant and pack key come first so prefixes group them. */
  public String asString() {
    return tenant + SEP + packKey + SEP + structureKey;
  }

  /** This key for the variant {@code fingerprint} of its base structure key. */
  public EntryKey variant(String fingerprint) {
    return new EntryKey(tenant, packKey, baseStructureKey() + VARIANT_SEP + fingerprint);
  }

  /** The pack's structure key, without a variant suffix. */
  public String baseStructureKey() {
    return baseOf(structureKey);
  }

  /** {@code structureKey} without a variant suffix. */
  public static String baseOf(String structureKey) {
    int sep = structureKey.indexOf(VARIANT_SEP);
    return sep < 0 ? structureKey : structureKey.substring(0, sep);
  }

  /** The scope of neighbour search: tenant plus pack key. */
  public String scope() {
    return tenant + SEP + packKey;
  }
}
