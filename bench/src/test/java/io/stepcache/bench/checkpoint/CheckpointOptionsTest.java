package io.stepcache.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** CheckpointBench's command line: the flags and defaults it had before picocli. */
class CheckpointOptionsTest {

  @Test
  void theDefaultsAreTheOldOnes() {
    CheckpointBench.Args a = CheckpointBench.parse();
    assertThat(a.seeds).containsExactly(42L, 43L, 44L);
    assertThat(a.budgets).containsExactly(1, 2, 3, 4);
    assertThat(a.block).isEqualTo(8);
    assertThat(a.out).isEqualTo(Path.of("bench-results", "checkpoints"));
    assertThat(a.noTiming).isFalse();
    assertThat(a.quiet).isFalse();
    assertThat(a.help).isFalse();
  }

  @Test
  void everyFlagIsRead() {
    CheckpointBench.Args a = CheckpointBench.parse(
        "--seeds", "7,8", "--budgets", "2", "--block", "16", "--out", "x/y", "--no-timing", "--quiet");
    assertThat(a.seeds).isEqualTo(List.of(7L, 8L));
    assertThat(a.budgets).isEqualTo(List.of(2));
    assertThat(a.block).isEqualTo(16);
    assertThat(a.out).isEqualTo(Path.of("x/y"));
    assertThat(a.noTiming).isTrue();
    assertThat(a.quiet).isTrue();
  }

  @Test
  void badUsageIsRefusedWithExitCodeTwo() throws Exception {
    assertThatThrownBy(() -> CheckpointBench.parse("--frobnicate")).isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--frobnicate");
    assertThatThrownBy(() -> CheckpointBench.parse("--block", "eight"))
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThatThrownBy(() -> CheckpointBench.parse("--seeds")).isInstanceOf(CommandLine.ParameterException.class);
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(CheckpointBench.run(new String[] {"--frobnicate"})).isEqualTo(2);
    } finally {
      System.setErr(err);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--frobnicate").contains("--no-timing");
  }

  @Test
  void helpListsEveryFlagAndRunsNothing() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(CheckpointBench.run(new String[] {"--help"})).isZero();
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("--seeds", "--budgets", "--block", "--out", "--no-timing", "--quiet", "default bench-results/checkpoints");
  }
}
