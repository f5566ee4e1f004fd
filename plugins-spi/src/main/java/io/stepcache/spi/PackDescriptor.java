package io.stepcache.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a pack is: a stable id (also the {@code task} name clients use), its version, a short
 * description and the SPI range it was written against.
 *
 * @param id lower-case id such as {@code math-linear}; part of every cache key
 * @param version the pack's own version; part of every cache key
 * @param description one line for humans (pack listings, logs)
 * @param requiresSpi the {@link SpiVersion} range this pack accepts, e.g. {@code [1.0,2.0)}
 */
public record PackDescriptor(String id, String version, String description, String requiresSpi) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  public PackDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(requiresSpi, "requiresSpi");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Pack id '" + id + "' must match " + ID.pattern() + " (lower case, digits, dashes)");
    }
  }
}
