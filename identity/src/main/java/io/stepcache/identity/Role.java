package io.stepcache.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a credential may do. */
public enum Role {
  /** Completions (and PATCHes of its entries) on its own tenant. */
  CLIENT,
  /** Everything a client may, plus pack and key administration. */
  ADMIN,
  /**
   * A gateway that authenticates its users in front of StepCache: it may name the tenant of each request,
   * and only when the server runs in trusted-gateway mode ({@link TenantPolicy}).
   */
  GATEWAY;

  /** The name on the wire and in the key file: {@code client}, {@code admin}, {@code gateway}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code wireName} (case-insensitive), or empty. */
  public static Optional<Role> parse(String wireName) {
    return Arrays.stream(values()).filter(r -> r.wireName().equalsIgnoreCase(wireName)).findFirst();
  }
}
