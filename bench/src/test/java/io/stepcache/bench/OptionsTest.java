package io.stepcache.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StepBench's command line (picocli): the flags and defaults it had before, exit code 2 on bad usage. */
class OptionsTest {

  @Test
  void theDefaultsAreTheOldOnes() {
    Options o = Options.parse(new String[] {});
    assertThat(o.mode()).isEqualTo("in-process");
    assertThat(o.seeds()).containsExactly(42L, 43L, 44L);
    assertThat(o.systems()).isEqualTo(Options.IN_PROCESS_SYSTEMS);
    assertThat(o.out()).isEqualTo(Path.of("bench-results"));
    assertThat(o.settings().name()).isEqualTo("paper");
    assertThat(o.limit()).isZero();
    assertThat(o.bases()).isEqualTo(10);
    assertThat(o.variants()).isEqualTo(3);
    assertThat(o.warmup()).isEqualTo(60);
    assertThat(o.httpTimeoutSeconds()).isEqualTo(120);
    assertThat(o.png()).isTrue();
    assertThat(o.progress()).isTrue();
    assertThat(o.printServerConfig()).isFalse();
    assertThat(Options.parse(new String[] {"--mode", "http"}).systems()).isEqualTo(Options.HTTP_SYSTEMS);
    assertThat(o.apiKey()).as("no --api-key: STEPCACHE_API_KEY").isEqualTo(blankToNull(System.getenv("STEPCACHE_API_KEY")));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Test
  void everyFlagIsReadAndTheLastOfTwoCounts() {
    Options o = Options.parse(new String[] {"--seeds", "7, 8", "--systems", "no-cache,semantic-0.9", "--out=x/y",
        "--profile", "perfect", "--clock", "REAL", "--limit", "5", "--bases", "2", "--variants", "1", "--tenant", "t",
        "--warmup", "0", "--http-timeout", "9", "--no-png", "--quiet", "--print-server-config", "--limit", "6",
        "--confirm", "on-demand", "--api-key", " sck_k "});
    assertThat(o.seeds()).isEqualTo(List.of(7L, 8L));
    assertThat(o.systems()).containsExactly("no-cache", "semantic-0.9");
    assertThat(o.out()).isEqualTo(Path.of("x/y"));
    assertThat(o.settings().name()).isEqualTo("perfect");
    assertThat(o.realClock()).isTrue();
    assertThat(o.limit()).isEqualTo(6);
    assertThat(o.bases()).isEqualTo(2);
    assertThat(o.variants()).isEqualTo(1);
    assertThat(o.tenant()).isEqualTo("t");
    assertThat(o.warmup()).isZero();
    assertThat(o.httpTimeoutSeconds()).isEqualTo(9);
    assertThat(o.png()).isFalse();
    assertThat(o.progress()).isFalse();
    assertThat(o.printServerConfig()).isTrue();
    assertThat(o.confirm().name()).isEqualTo("ON_DEMAND");
    assertThat(o.apiKey()).isEqualTo("sck_k");
  }

  @Test
  void badUsageIsExitCodeTwoWithAMessageNamingTheFlag() {
    for (String[] bad : List.of(new String[] {"--frobnicate"}, new String[] {"--seeds"},
        new String[] {"--limit", "x"}, new String[] {"--limit", "-1"}, new String[] {"stray"},
        new String[] {"--systems", "nope"}, new String[] {"--clock", "fast"})) {
      assertThatThrownBy(() -> Options.parse(bad)).isInstanceOf(IllegalArgumentException.class);
      PrintStream err = System.err;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        assertThat(StepBench.run(bad)).as(String.join(" ", bad)).isEqualTo(2);
      } finally {
        System.setErr(err);
      }
      assertThat(captured.toString(StandardCharsets.UTF_8)).as(String.join(" ", bad)).contains(bad[bad.length - 1]);
    }
  }

  @Test
  void helpListsEveryFlagAndRunsNothing() {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(StepBench.run(new String[] {"--help"})).isZero();
      assertThat(StepBench.run(new String[] {"-h"})).isZero();
    } finally {
      System.setOut(out);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("--mode", "--seeds", "--systems", "--out",
        "--profile", "--workload", "--clock", "--limit", "--bases", "--variants", "--url", "--http-timeout", "--tenant",
        "--warmup", "--no-png", "--quiet", "--print-server-config", "--concurrency", "--duration", "--load-warmup",
        "--load-client", "--load-results", "--llm-url", "--max-tokens", "--confirm", "--help", "default 42,43,44");
  }

  @Test
  void aRealModelServerImpliesTheRealClockAndBoundsTheOutput() {
    Options o = Options.parse(new String[] {"--llm-url", "http://127.0.0.1:8091/v1", "--max-tokens", "64"});
    assertThat(o.llmUrl()).isEqualTo("http://127.0.0.1:8091/v1");
    assertThat(o.realClock()).isTrue();
    assertThat(o.maxTokens()).isEqualTo(64);
    Options simulated = Options.parse(new String[] {});
    assertThat(simulated.llmUrl()).isNull();
    assertThat(simulated.realClock()).isFalse();
    assertThat(simulated.maxTokens()).isEqualTo(512);
  }

  @Test
  void rejectsAMalformedServerUrlAndAnOutOfRangeLimit() {
    assertThatThrownBy(() -> Options.parse(new String[] {"--llm-url", "localhost:8091"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--llm-url");
    assertThatThrownBy(() -> Options.parse(new String[] {"--max-tokens", "0"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-tokens");
    assertThatThrownBy(() -> Options.parse(new String[] {"--max-tokens", "99999"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--max-tokens");
  }
}
