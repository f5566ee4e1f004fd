package io.stepcache.identity;

import java.util.Objects;
import java.util.Set;

/**
 * An authenticated caller: the key it presented, the tenant that key is bound to and its role.
 *
 * @param keyId the public id of the key (never the secret)
 * @param tenant the tenant the key is bound to
 * @param role what the key may do
 * @param cacheControl the cache directives its requests may send
 */
public record Caller(String keyId, String tenant, Role role, Set<CacheControl> cacheControl) {

  /** A caller whose requests may send every cache directive. */
  public Caller(String keyId, String tenant, Role role) {
    this(keyId, tenant, role, CacheControl.all());
  }

  public Caller {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(role, "role");
    cacheControl = Set.copyOf(cacheControl);
  }

  /** Whether this caller's requests may send {@code directive}. */
  public boolean mayUse(CacheControl directive) {
    return cacheControl.contains(directive);
  }

  /** Whether this caller may administer packs and keys. */
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
