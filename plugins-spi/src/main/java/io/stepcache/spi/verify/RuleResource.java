package io.stepcache.spi.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One DRL file of a pack.
 *
 * @param name file name, unique within the pack, ending in {@code .drl}
 * @param drl the rule text
 */
public record RuleResource(String name, String drl) {

  public RuleResource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(drl, "drl");
    if (!name.endsWith(".drl")) {
      throw new IllegalArgumentException("Rule resource '" + name + "' must end in .drl");
    }
  }

  /**
   * Reads a DRL from the class path of {@code anchor}'s class loader (the pack's own jar).
   *
   * @param path absolute resource path, e.g. {@code /rules/math-linear/steps.drl}
   */
  public static RuleResource classpath(Class<?> anchor, String path) {
    try (InputStream in = anchor.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(
            "Rule resource " + path + " not found next to " + anchor.getName());
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      return new RuleResource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read rule resource " + path, e);
    }
  }
}
