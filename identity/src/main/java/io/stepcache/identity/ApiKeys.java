package io.stepcache.identity;

import io.stepcache.identity.internal.FileApiKeys;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server's API keys. A key is {@code sck_<id>_<secret>}: the id is public (lists, logs, revocation), the
 * secret is 256 random bits kept only as a SHA-256 hash. A plain hash, not a password hash (bcrypt, Argon2), on
 * purpose: a 256-bit random secret cannot be guessed from its hash, and a fast hash keeps every request cheap.
 */
public interface ApiKeys {

  /** Keys kept in a JSON file (readable only by the server's user), loaded at start and rewritten atomically. */
  static ApiKeys inFile(Path file) {
    return FileApiKeys.open(file);
  }

  /**
   * Issues a key.
   *
   * @param tenant the tenant the key is bound to (a valid tenant id)
   * @param role what the key may do
   * @param label an operator's note, possibly empty (at most 200 characters)
   * @return the key's description and, this once, the full key
   * @throws IllegalArgumentException naming what is wrong with {@code tenant} or {@code label}
   */
  default IssuedKey issue(String tenant, Role role, String label) {
    return issue(tenant, role, label, CacheControl.all());
  }

  /**
   * Issues a key whose requests may send only the cache directives {@code cacheControl}.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code tenant} or {@code label}
   */
  IssuedKey issue(String tenant, Role role, String label, Set<CacheControl> cacheControl);

  /** The caller {@code presentedKey} belongs to: empty when it is malformed, unknown, wrong or revoked. */
  Optional<Caller> authenticate(String presentedKey);

  /** Revokes key {@code id}, refused from the next request on; false when there is no such active key. */
  boolean revoke(String id);

  /** All keys, active and revoked, oldest first. */
  List<ApiKeyInfo> list();

  /** Key {@code id}, active or revoked. */
  Optional<ApiKeyInfo> find(String id);

  /** Whether any active key has the {@link Role#ADMIN} role. */
  default boolean hasActiveAdmin() {
    return list().stream().anyMatch(k -> k.active() && k.role() == Role.ADMIN);
  }
}
