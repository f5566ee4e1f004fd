package io.stepcache.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * CPU use during a measurement, in cores: this JVM (the load clients), the server process (found by
 * its listening port on Linux, else unknown) and the whole machine (every process, including anything
 * else running). Linux {@code /proc} only; elsewhere only this JVM's share is known.
 */
final class CpuMeter {

  /** A reading at one instant. */
  record Sample(long wallNanos, long processCpuNanos, long machineBusy, long machineTotal, long serverTicks) {}

  /**
   * Cores used between two samples (NaN when unknown).
   *
   * @param client this JVM
   * @param server the server process
   * @param machine the whole machine
   */
  record Usage(double client, double server, double machine) {}

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
    long[] machine = machine();
    return new Sample(System.nanoTime(), processCpuNanos(), machine[0], machine[1], serverTicks());
  }

  Usage between(Sample a, Sample b) {
    double wall = b.wallNanos() - a.wallNanos();
    double client = a.processCpuNanos() < 0 || b.processCpuNanos() < 0 || wall <= 0
        ? Double.NaN : (b.processCpuNanos() - a.processCpuNanos()) / wall;
    long total = b.machineTotal() - a.machineTotal();
    double machine = a.machineTotal() < 0 || total <= 0
        ? Double.NaN : (double) (b.machineBusy() - a.machineBusy()) / total * machineCpus();
    // jiffies of one CPU elapsed = total jiffies of all CPUs / number of CPUs
    double server = a.serverTicks() < 0 || b.serverTicks() < 0 || total <= 0
        ? Double.NaN : (b.serverTicks() - a.serverTicks()) / ((double) total / machineCpus());
    return new Usage(client, server, machine);
  }

  private int machineCpus = -1;

  private int machineCpus() {
    if (machineCpus < 0) {
      try {
        machineCpus = (int) Files.readAllLines(Path.of("/proc/stat")).stream()
            .filter(l -> l.matches("cpu\\d+ .*")).count();
      } catch (IOException | RuntimeException e) {
        machineCpus = 0;
      }
      if (machineCpus <= 0) {
        machineCpus = cpus;
      }
    }
    return machineCpus;
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** {busy, total} jiffies of all CPUs from /proc/stat, or {-1, -1}. */
  private static long[] machine() {
    try {
      String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = first.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /** utime + stime of the server process in jiffies, or -1. */
  private long serverTicks() {
    if (serverPid <= 0) {
      return -1;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(serverPid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields after the command: state(3) ... utime(14) stime(15)
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
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
