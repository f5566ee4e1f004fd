package io.stepcache.identity;

import java.util.Optional;

/**
 * Who may use the administration API (packs, keys): a caller with an {@link Role#ADMIN} key and, when {@code
 * httpsOnly}, only over HTTPS, so an administrator key never crosses the network in clear text. Behind a
 * TLS-terminating proxy the server sees HTTPS only if it is told to trust the proxy's forwarded headers.
 *
 * @param httpsOnly whether administration over plain HTTP is refused
 */
public record AdminPolicy(boolean httpsOnly) {

  /**
   * Checks one administration request.
   *
   * @param caller who sent it, empty without a key
   * @param secure whether it came over HTTPS
   * @throws AccessRefusal {@code UNAUTHENTICATED} without a key, {@code FORBIDDEN} for another role or plain HTTP
   */
  public void check(Optional<Caller> caller, boolean secure) {
    if (caller.isEmpty()) {
      throw AccessRefusal.unauthenticated(
          "Administration needs an administrator: send 'Authorization: Bearer <key>' with a key of role 'admin'");
    }
    Caller c = caller.get();
    if (!c.isAdmin()) {
      throw AccessRefusal.forbidden("Key " + c.keyId() + " has role '" + c.role().wireName()
          + "'; administration needs role 'admin'");
    }
    if (httpsOnly && !secure) {
      throw AccessRefusal.forbidden("Administration is served over HTTPS only (stepcache.security.adminHttpsOnly):"
          + " use the server's https port; the key sent over plain HTTP should be considered exposed");
    }
  }
}
