package io.stepcache.engine.store;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a cached answer lives: tenant, pack key ({@code id@version#rulesHash}), partition and structure key.
 * Tenants are part of every key, so no entry of one tenant can be a candidate for another.
 *
 * <p>The <em>partition</em> holds what the request shares with others besides its pack's analysis: the model
 * it was answered by and a digest of the conversation before the analysed turn (system prompt, earlier turns);
 * see {@code io.stepcache.engine.ModelKeys}. It is part of the {@link #scope()}, so an answer is never a
 * candidate under another model or another system prompt. An empty partition is written exactly as keys were
 * before partitions existed.
 *
 * <p>One structure key may hold several <em>variants</em>: answers whose step templates differ
 * (a pack that keeps values literal stores one variant per value set). A variant's structure key
 * is the pack's structure key, {@value #VARIANT_SEP_TEXT}, and a fingerprint of its templates;
 * {@link #baseStructureKey()} strips the suffix.
 */
public record EntryKey(String tenant, String packKey, String partition, String structureKey) {

  private static final char SEP = '\u001f';
  private static final char VARIANT_SEP = '\u001e';
  /** Opens and closes the partition, just after the pack key's separator. */
  private static final char PARTITION_MARK = '\u001d';
  /** How the variant separator is documented. */
  static final String VARIANT_SEP_TEXT = "U+001E";
  /** Prefix of an {@link #id()}. */
  public static final String ID_PREFIX = "ent_";

  public EntryKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(packKey, "packKey");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(structureKey, "structureKey");
    if (partition.indexOf(SEP) >= 0 || partition.indexOf(PARTITION_MARK) >= 0) {
      throw new IllegalArgumentException("a partition must not contain U+001F or U+001D");
    }
  }

  /** A key without a partition (the form every key had before partitions). */
  public EntryKey(String tenant, String packKey, String structureKey) {
    this(tenant, packKey, "", structureKey);
  }

  /** The key as one string (store keys); tenant, pack key and partition come first so prefixes group them. */
  public String asString() {
    return scope() + SEP + structureKey;
  }

  /**
   * The key {@link #asString()} wrote; empty when {@code text} is no such key. The structure key is
   * everything after the scope (it may itself contain a separator).
   */
  public static Optional<EntryKey> parse(String text) {
    int first = text.indexOf(SEP);
    int second = first < 0 ? -1 : text.indexOf(SEP, first + 1);
    if (second < 0) {
      return Optional.empty();
    }
    String tenant = text.substring(0, first);
    String packKey = text.substring(first + 1, second);
    String rest = text.substring(second + 1);
    if (rest.isEmpty() || rest.charAt(0) != PARTITION_MARK) {
      return Optional.of(new EntryKey(tenant, packKey, "", rest));
    }
    int close = rest.indexOf(PARTITION_MARK, 1);
    if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != SEP) {
      return Optional.empty();
    }
    return Optional.of(new EntryKey(tenant, packKey, rest.substring(1, close), rest.substring(close + 2)));
  }

  /** {@link #asString()} with its separators shown as {@code |}, for logs. */
  public static String printable(String text) {
    return text.replace(SEP, '|').replace(VARIANT_SEP, '~').replace(PARTITION_MARK, '^');
  }

  /** This key for the variant {@code fingerprint} of its base structure key. */
  public EntryKey variant(String fingerprint) {
    return withStructureKey(baseStructureKey() + VARIANT_SEP + fingerprint);
  }

  /** The key of {@code otherStructureKey} in this key's scope. */
  public EntryKey withStructureKey(String otherStructureKey) {
    return new EntryKey(tenant, packKey, partition, otherStructureKey);
  }

  /** The pack id of {@link #packKey()} ({@code id@version#rulesHash}): everything before the {@code @}. */
  public String packId() {
    int at = packKey.indexOf('@');
    return at < 0 ? packKey : packKey.substring(0, at);
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

  /** The scope of neighbour search: tenant, pack key and partition. */
  public String scope() {
    return partition.isEmpty()
        ? tenant + SEP + packKey
        : tenant + SEP + packKey + SEP + PARTITION_MARK + partition + PARTITION_MARK;
  }

  /** The pack key of a {@link #scope()}, or {@code null} when {@code scope} is no scope. */
  public static String packKeyOfScope(String scope) {
    int first = scope.indexOf(SEP);
    if (first < 0) {
      return null;
    }
    int second = scope.indexOf(SEP, first + 1);
    return second < 0 ? scope.substring(first + 1) : scope.substring(first + 1, second);
  }

  /**
   * The entry's public id: {@value #ID_PREFIX} and 24 hex digits of the SHA-256 of {@link #asString()}. It names an
   * entry in responses and the admin API without showing the key (which holds the prompt's structure).
   */
  public String id() {
    return ID_PREFIX + Sha256.hex(asString(), 12);
  }
}
