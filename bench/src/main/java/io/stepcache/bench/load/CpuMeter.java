package io.stepcache.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * CPU use during a measurement, in cores: this JVM (the load clients), the server process (found by
 * its listening port on Linux, else unknown) and the whole machine (every process, including anything
 * else running). The JDK measures: {@link com.sun.management.OperatingSystemMXBean} this JVM's CPU
 * time and the machine's load since the previous reading, {@link ProcessHandle} the server's CPU time.
 */
final class CpuMeter {

  /**
   * A reading at one instant.
   *
   * @param machineLoad the machine's CPU load (0..1 of all CPUs) since the previous reading, or -1
   * @param serverCpuNanos the server process's CPU time so far, or -1
   */
  record Sample(long wallNanos, long processCpuNanos, double machineLoad, long serverCpuNanos) {}

  /**
   * Cores used between two samples (NaN when unknown).
   *
   * @param client this JVM
   * @param server the server process
   * @param machine the whole machine
   */
  record Usage(double client, double server, double machine) {}

  private static final com.sun.management.OperatingSystemMXBean OS =
      ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os : null;

  private final long serverPid;
  private final int cpus;

  CpuMeter(long serverPid) {
    this.serverPid = serverPid;
    this.cpus = Runtime.getRuntime().availableProcessors();
  }

  long serverPid() {
    return serverPid;
  }

  Sample sample() {
    return new Sample(System.nanoTime(), OS == null ? -1 : OS.getProcessCpuTime(), OS == null ? -1 : OS.getCpuLoad(),
        serverCpuNanos());
  }

  /** Cores used between {@code a} and the later {@code b}, with no other sample taken in between. */
  Usage between(Sample a, Sample b) {
    double wall = b.wallNanos() - a.wallNanos();
    double client = a.processCpuNanos() < 0 || b.processCpuNanos() < 0 || wall <= 0
        ? Double.NaN : (b.processCpuNanos() - a.processCpuNanos()) / wall;
    double machine = b.machineLoad() < 0 || wall <= 0 ? Double.NaN : b.machineLoad() * cpus;
    double server = a.serverCpuNanos() < 0 || b.serverCpuNanos() < 0 || wall <= 0
        ? Double.NaN : (b.serverCpuNanos() - a.serverCpuNanos()) / wall;
    return new Usage(client, server, machine);
  }

  /** The server process's CPU time in nanoseconds, or -1. */
  private long serverCpuNanos() {
    if (serverPid <= 0) {
      return -1;
    }
    return ProcessHandle.of(serverPid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
  }

  /**
   * The process listening on {@code url}'s port when the host is this machine (Linux: the socket's
   * inode in /proc/net/tcp*, then the process holding it), else -1.
   */
  static long findServerPid(URI url) {
    try {
      InetAddress a = InetAddress.getByName(url.getHost());
      if (!a.isLoopbackAddress() && !a.isAnyLocalAddress()) {
        return -1;
      }
    } catch (UnknownHostException e) {
      return -1;
    }
    int port = url.getPort() > 0 ? url.getPort() : 80;
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    String inode = null;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
          if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
            inode = f[9];
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux, or not readable
      }
      if (inode != null) {
        break;
      }
    }
    if (inode == null) {
      return -1;
    }
    String target = "socket:[" + inode + "]";
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
      for (Path proc : procs) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
          for (Path fd : fds) {
            try {
              if (Files.readSymbolicLink(fd).toString().equals(target)) {
                return Long.parseLong(proc.getFileName().toString());
              }
            } catch (IOException | RuntimeException e) {
              // gone or not ours to read
            }
          }
        } catch (IOException | RuntimeException e) {
          // not ours to read
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
