package io.stepcache.identity;

import io.stepcache.engine.CompletionRequest;
import io.stepcache.identity.internal.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first start: a server with no active administrator key issues one, bound to the {@code default} tenant, and
 * writes it to a file only the server's user can read. The key never appears in a log; the file's path does.
 */
public final class AdminKeyBootstrap {

  /** The label of the key issued at first start. */
  public static final String LABEL = "first-start administrator key";

  private AdminKeyBootstrap() {}

  /**
   * Issues and writes the first administrator key when {@code keys} has no active one.
   *
   * @return the file written, or empty when an administrator key already existed
   */
  public static Optional<Path> ensureAdminKey(ApiKeys keys, Path keyFile) {
    if (keys.hasActiveAdmin()) {
      return Optional.empty();
    }
    IssuedKey issued = keys.issue(CompletionRequest.DEFAULT_TENANT, Role.ADMIN, LABEL);
    try {
      OwnerOnlyFiles.write(keyFile, issued.key() + "\n");
    } catch (IOException e) {
      keys.revoke(issued.info().id()); // a key nobody can read must not stay active
      throw new UncheckedIOException("The first administrator key cannot be written to " + keyFile.toAbsolutePath()
          + ": " + e.getMessage(), e);
    }
    return Optional.of(keyFile.toAbsolutePath());
  }
}
