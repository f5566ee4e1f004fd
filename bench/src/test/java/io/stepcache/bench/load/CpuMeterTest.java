package io.stepcache.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CPU use from the JDK's OperatingSystemMXBean and ProcessHandle. */
class CpuMeterTest {

  @Test
  void busyWorkShowsInThisJvmTheServerProcessAndTheMachine() {
    // this JVM stands in for the server: its pid is a process whose CPU time ProcessHandle can read
    CpuMeter meter = new CpuMeter(ProcessHandle.current().pid());
    CpuMeter.Sample a = meter.sample();
    long end = System.nanoTime() + 300_000_000L;
    double x = 0;
    while (System.nanoTime() < end) {
      x += Math.sqrt(x + 1);
    }
    CpuMeter.Sample b = meter.sample();
    CpuMeter.Usage u = meter.between(a, b);
    int cpus = Runtime.getRuntime().availableProcessors();
    assertThat(x).isPositive();
    assertThat(u.client()).isBetween(0.2, cpus + 0.5);
    assertThat(u.server()).isBetween(0.2, cpus + 0.5);
    assertThat(u.machine()).isBetween(0.0, cpus + 0.0);
    CpuMeter none = new CpuMeter(-1);
    assertThat(none.between(none.sample(), none.sample()).server()).isNaN();
  }
}
