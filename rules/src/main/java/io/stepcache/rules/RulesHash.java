package io.stepcache.rules;

import io.stepcache.spi.verify.RuleResource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over rule resources, independent of their order: the rules part of a cache key. */
public final class RulesHash {

  private RulesHash() {}

  /** Hex SHA-256 of the resources' names and texts, sorted by name. */
  public static String of(List<RuleResource> rules) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
    rules.stream()
        .sorted(Comparator.comparing(RuleResource::name))
        .forEach(
            r -> {
              sha.update(r.name().getBytes(StandardCharsets.UTF_8));
              sha.update((byte) 0);
              sha.update(r.drl().getBytes(StandardCharsets.UTF_8));
              sha.update((byte) 0);
            });
    return HexFormat.of().formatHex(sha.digest());
  }
}
