package io.stepcache.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is known about an API key, without its secret (which is stored only as a hash).
 *
 * @param id the public key id (the part of the key between {@code sck_} and the second {@code _})
 * @param tenant the tenant the key is bound to
 * @param role what the key may do
 * @param label the operator's note ("ci", "team-a"), possibly empty
 * @param created when the key was issued
 * @param revoked when it was revoked, or empty while it is active
 * @param cacheControl the cache directives its requests may send
 */
public record ApiKeyInfo(String id, String tenant, Role role, String label, Instant created, Optional<Instant> revoked,
    Set<CacheControl> cacheControl) {

  /** A key whose requests may send every cache directive. */
  public ApiKeyInfo(String id, String tenant, Role role, String label, Instant created, Optional<Instant> revoked) {
    this(id, tenant, role, label, created, revoked, CacheControl.all());
  }

  public ApiKeyInfo {
    cacheControl = Collections.unmodifiableSet(cacheControl.isEmpty()
        ? EnumSet.noneOf(CacheControl.class) : EnumSet.copyOf(cacheControl));
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(revoked, "revoked");
  }

  /** This key, revoked at {@code when}. */
  public ApiKeyInfo revokedAt(Instant when) {
    return new ApiKeyInfo(id, tenant, role, label, created, Optional.of(when), cacheControl);
  }

  /** Whether the key is still accepted. */
  public boolean active() {
    return revoked.isEmpty();
  }
}
