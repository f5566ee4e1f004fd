package io.stepcache.liberty.rest;

import io.stepcache.engine.CacheDirectives;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.identity.CacheControl;
import io.stepcache.identity.Caller;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A request's cache directives, read from its headers the same way on both doors:
 *
 * <ul>
 *   <li>{@code Cache-Control: no-cache}: look nothing up; the fresh answer is stored (replacing what was there);
 *   <li>{@code Cache-Control: no-store}: store nothing of this request;
 *   <li>{@code Cache-Control: max-age=N}: only entries younger than N seconds ({@code 0}: none is);
 *   <li>{@code X-StepCache-TTL: N}: the stored answer lives N seconds (1 up to the store's time to live).
 * </ul>
 *
 * Other {@code Cache-Control} directives are ignored, as HTTP caches ignore directives they do not know. A
 * directive the caller's key may not use is a 403 {@code CACHE_CONTROL_REFUSED} naming it; a malformed value is a
 * 400 {@code INVALID_REQUEST}.
 */
public final class CacheHeaders {

  /** The header that sets the time to live of what a request stores, in seconds. */
  public static final String TTL = "X-StepCache-TTL";

  private CacheHeaders() {}

  /**
   * The directives of a request.
   *
   * @param cacheControl the {@code Cache-Control} header, or {@code null}
   * @param ttl the {@value #TTL} header, or {@code null}
   * @param caller who is asking (empty: an anonymous caller in dev mode, who may use every directive)
   * @param maxTtl the store's time to live, the longest {@value #TTL} allowed
   */
  public static CacheDirectives read(String cacheControl, String ttl, Optional<Caller> caller, Duration maxTtl) {
    boolean lookup = true;
    boolean store = true;
    Duration maxAge = null;
    if (cacheControl != null) {
      for (String part : cacheControl.split(",")) {
        String[] nameValue = part.strip().split("=", 2);
        String name = nameValue[0].strip().toLowerCase(Locale.ROOT);
        switch (name) {
          case "no-cache" -> {
            allowed(caller, CacheControl.NO_CACHE);
            lookup = false;
          }
          case "no-store" -> {
            allowed(caller, CacheControl.NO_STORE);
            store = false;
          }
          case "max-age" -> {
            allowed(caller, CacheControl.MAX_AGE);
            maxAge = Duration.ofSeconds(seconds("Cache-Control max-age", nameValue.length > 1 ? nameValue[1] : "",
                0, Long.MAX_VALUE / 1000));
          }
          default -> {
            // an unknown directive is ignored (RFC 9111, 5.2.3)
          }
        }
      }
    }
    Duration lifetime = null;
    if (ttl != null) {
      allowed(caller, CacheControl.TTL);
      lifetime = Duration.ofSeconds(seconds(TTL, ttl, 1, maxTtl.toSeconds()));
    }
    return new CacheDirectives(lookup, store, maxAge, lifetime);
  }

  private static void allowed(Optional<Caller> caller, CacheControl directive) {
    if (caller.isPresent() && !caller.get().mayUse(directive)) {
      throw new StepCacheException(ErrorCode.CACHE_CONTROL_REFUSED, "This API key may not use the cache directive '"
          + directive.wireName() + "' (the key's cacheControl setting); leave it out or use a key that allows it");
    }
  }

  private static long seconds(String what, String value, long min, long max) {
    String v = value.strip();
    if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
      v = v.substring(1, v.length() - 1);
    }
    long n = v.matches("[0-9]{1,18}") ? Long.parseLong(v) : -1; // 18 digits always fit a long
    if (n < min || n > max) {
      throw new StepCacheException(ErrorCode.INVALID_REQUEST, what + " must be a whole number of seconds from " + min
          + " to " + max + ", got '" + value.strip() + "'");
    }
    return n;
  }
}
