package io.stepcache.bootstrap;

import io.stepcache.packhost.PackSignatures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Packs deployed while StepCache runs: the jars in {@code packsDirectory} now and, when {@code
 * scanInterval} is not zero, every change to it; uploads go through {@link
 * RunningStepCache#packs()}.
 *
 * @param packsDirectory the watched directory (created if missing)
 * @param workDirectory where jars are staged and unpacked (emptied at start)
 * @param scanInterval how often the directory is scanned; zero for never
 * @param drainTimeout how long a replaced pack may finish the requests already running on it
 * @param signatures which jars may run: unsigned ones, or only those signed by a trusted certificate
 */
public record HotDeploy(
    Path packsDirectory, Path workDirectory, Duration scanInterval, Duration drainTimeout, PackSignatures signatures) {

  /** Hot deployment that accepts unsigned jars. */
  public HotDeploy(Path packsDirectory, Path workDirectory, Duration scanInterval, Duration drainTimeout) {
    this(packsDirectory, workDirectory, scanInterval, drainTimeout, PackSignatures.notRequired());
  }

  public HotDeploy {
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(packsDirectory, "packsDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    Objects.requireNonNull(scanInterval, "scanInterval");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (scanInterval.isNegative() || drainTimeout.isNegative()) {
      throw new IllegalArgumentException("scanInterval and drainTimeout must not be negative");
    }
  }
}
