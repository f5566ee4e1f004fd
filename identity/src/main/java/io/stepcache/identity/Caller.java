package io.stepcache.identity;

import java.util.Objects;

/**
 * An authenticated caller: the key it presented, the tenant that key is bound to and its role.
 *
 * @param keyId the public id of the key (never the secret)
 * @param tenant the tenant the key is bound to
 * @param role what the key may do
 */
public record Caller(String keyId, String tenant, Role role) {

  public Caller {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(role, "role");
  }

  /** Whether this caller may administer packs and keys. */
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
