package io.stepcache.engine.store;

import java.util.Objects;
import java.util.Optional;

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

  /**
   * The key {@link #asString()} wrote; empty when {@code text} is no such key. The structure key is
   * everything after the second separator (it may itself contain one).
   */
  public static Optional<EntryKey> parse(String text) {
    int first = text.indexOf(SEP);
    int second = first < 0 ? -1 : text.indexOf(SEP, first + 1);
    return second < 0
        ? Optional.empty()
        : Optional.of(new EntryKey(text.substring(0, first), text.substring(first + 1, second),
            text.substring(second + 1)));
  }

  /** {@link #asString()} with its separators shown as {@code |}, for logs. */
  public static String printable(String text) {
    return text.replace(SEP, '|').replace(VARIANT_SEP, '~');
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
