package io.stepcache.engine;

import java.time.Duration;

/**
 * What one request asks of the cache (HTTP {@code Cache-Control} and {@code X-StepCache-TTL} on both doors).
 *
 * @param lookup look for a cached answer ({@code no-cache} turns it off: the answer is generated afresh, and
 *     stored when verified, replacing what was there)
 * @param store store the verified answer ({@code no-store} turns it off)
 * @param maxAge only entries younger than this are candidates ({@code max-age}), or {@code null}: any age
 * @param ttl how long the stored answer lives, or {@code null}: the store's own time to live
 */
public record CacheDirectives(boolean lookup, boolean store, Duration maxAge, Duration ttl) {

  /** The default: look up, store, any age, the store's time to live. */
  public static final CacheDirectives DEFAULT = new CacheDirectives(true, true, null, null);

  public CacheDirectives {
    if (maxAge != null && maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative: " + maxAge);
    }
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
  }

  /** True when nothing differs from {@link #DEFAULT}. */
  public boolean isDefault() {
    return equals(DEFAULT);
  }
}
