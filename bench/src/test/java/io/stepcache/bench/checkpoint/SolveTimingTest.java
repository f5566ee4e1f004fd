package io.stepcache.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.options.TimeValue;

/** SolveTiming drives microbench's JMH benchmark; run here in process for a tenth of a second (no speed asserted). */
class SolveTimingTest {

  @Test
  void theSmallestInstanceIsMeasuredThroughJmh(@TempDir Path dir) throws Exception {
    SolveTiming.Settings once = new SolveTiming.Settings(0, 0, 1, TimeValue.milliseconds(100), List.of("2048/1"), List.of(8));
    Path json = dir.resolve("jmh.json");
    List<SolveTiming.Result> results = SolveTiming.run(once, null, json);
    assertThat(results).hasSize(1);
    SolveTiming.Result r = results.get(0);
    assertThat(r.n()).isEqualTo(2048);
    assertThat(r.binSize()).isEqualTo(1);
    assertThat(r.candidates()).isEqualTo(2048);
    assertThat(r.budget()).isEqualTo(8);
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(r.meanMs()).isPositive();
    assertThat(r.minMs()).isPositive().isLessThanOrEqualTo(r.meanMs());
    assertThat(r.savings()).isEqualTo(0.9774, org.assertj.core.data.Offset.offset(1e-4)); // as before JMH
    assertThat(r.balancedSavings()).isEqualTo(0.8983, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(Files.readString(json)).contains("PlannerSolveBenchmark.solve").contains("\"shape\" : \"2048/1\"");

    ByteArrayOutputStream table = new ByteArrayOutputStream();
    SolveTiming.print(results, new PrintStream(table, true, StandardCharsets.UTF_8));
    assertThat(table.toString(StandardCharsets.UTF_8)).contains("mean ms", "median ms", "min ms", "2048");
  }

  @Test
  void forksGetTheClassPathOfAUrlClassLoaderParentsFirst(@TempDir Path dir) throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    try (URLClassLoader parent = new URLClassLoader(new URL[] {a.toUri().toURL()}, null);
        URLClassLoader child = new URLClassLoader(new URL[] {b.toUri().toURL()}, parent)) {
      assertThat(SolveTiming.urlClasspath(child)).isEqualTo(a + java.io.File.pathSeparator + b);
    }
    assertThat(SolveTiming.urlClasspath(ClassLoader.getPlatformClassLoader())).isNull();
  }
}
