package io.stepcache.identity.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files only the server's user can read: secrets (the key file, the administrator key) are written this way. */
public final class OwnerOnlyFiles {

  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /** A new empty owner-only file beside {@code target} (same directory, so it can be moved over it atomically). */
  public static Path createTemp(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    FileAttribute<?>[] attrs = POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_RW)} : new FileAttribute<?>[0];
    return Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attrs);
  }

  /** Moves {@code tmp} over {@code target} in one step. */
  public static void replace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Writes {@code text} to {@code target}, readable by its owner only. */
  public static void write(Path target, String text) throws IOException {
    Path tmp = createTemp(target);
    Files.writeString(tmp, text);
    replace(tmp, target);
  }

  /** Whether {@code file} can be read by anyone but its owner (always false where POSIX permissions do not exist). */
  public static boolean readableByOthers(Path file) throws IOException {
    if (!POSIX) {
      return false;
    }
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
    return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
  }
}
