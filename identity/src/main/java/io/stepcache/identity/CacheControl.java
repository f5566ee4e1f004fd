package io.stepcache.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The cache directives a request may send ({@code Cache-Control} and {@code X-StepCache-TTL}); each API key says
 * which of them its requests may use (all, unless the key was issued with fewer).
 */
public enum CacheControl {
  /** {@code Cache-Control: no-cache}: look nothing up, generate afresh (costs model calls), store the result. */
  NO_CACHE("no-cache"),
  /** {@code Cache-Control: no-store}: store nothing of this request. */
  NO_STORE("no-store"),
  /** {@code Cache-Control: max-age=N}: only entries younger than N seconds. */
  MAX_AGE("max-age"),
  /** {@code X-StepCache-TTL: N}: the stored answer lives N seconds. */
  TTL("ttl");

  private final String wireName;

  CacheControl(String wireName) {
    this.wireName = wireName;
  }

  /** The directive's name on the wire and in the key file. */
  public String wireName() {
    return wireName;
  }

  /** The directive named {@code wireName} (case-insensitive), or empty. */
  public static Optional<CacheControl> parse(String wireName) {
    return Arrays.stream(values()).filter(c -> c.wireName.equalsIgnoreCase(wireName)).findFirst();
  }

  /** Every directive: what a key may use unless issued with fewer. */
  public static Set<CacheControl> all() {
    return EnumSet.allOf(CacheControl.class);
  }
}
