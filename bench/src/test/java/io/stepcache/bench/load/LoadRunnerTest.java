package io.stepcache.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The load runner's bookkeeping, against {@link StandInServer} (the JDK's HTTP server answering like
 * the two endpoints; not StepCache, so nothing here measures StepCache).
 */
class LoadRunnerTest {

  private static final long DELAY_MS = 10;

  private static LoadRunner runner(StandInServer s, String client, List<Integer> concurrency, double seconds,
      double warmup, PrintStream err) {
    return new LoadRunner(new LoadRunner.Config(s.url(), "t", concurrency, seconds, warmup, client,
        Duration.ofSeconds(10), true, "sck_standin"), err);
  }

  @ParameterizedTest
  @ValueSource(strings = {"socket", "jdk"})
  void throughputAndPercentilesFollowTheServersDelay(String client) throws Exception {
    try (StandInServer s = new StandInServer(DELAY_MS, StandInServer.Fault.NONE)) {
      ByteArrayOutputStream progress = new ByteArrayOutputStream();
      LoadResult r = runner(s, client, List.of(1, 4), 1.0, 0.3, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

      assertThat(r.steps()).extracting(LoadStep::concurrency).containsExactly(1, 4);
      for (LoadStep step : r.steps()) {
        EndpointStats reuse = step.reuse();
        int c = step.concurrency();
        // every REUSE request takes at least DELAY_MS on the server, so c clients cannot exceed c / DELAY_MS per
        // second in the 1 s window; counting the warm-up or the requests after the window would break this bound
        assertThat(reuse.throughputRps()).as("REUSE req/s at %d", c).isLessThanOrEqualTo(c * 1000.0 / DELAY_MS * 1.02);
        // and a loaded CI machine still completes a good share of them
        assertThat(reuse.throughputRps()).as("REUSE req/s at %d", c).isGreaterThan(c * 1000.0 / DELAY_MS * 0.25);
        assertThat(reuse.requests()).isEqualTo(Math.round(reuse.throughputRps() * reuse.seconds()));
        // Little's law for a closed loop without think time: throughput x mean round trip = clients busy = c
        assertThat(reuse.throughputRps() * reuse.meanMs() / 1000).as("Little's law at %d", c).isBetween(0.75 * c, 1.05 * c);
        assertThat(reuse.p50Ms()).isGreaterThanOrEqualTo(DELAY_MS);
        assertThat(reuse.p99Ms()).isGreaterThanOrEqualTo(reuse.p50Ms());
        assertThat(reuse.maxMs()).isGreaterThanOrEqualTo(reuse.p99Ms());
        assertThat(reuse.errors()).isZero();
        assertThat(reuse.errorKinds()).isEmpty();
        assertThat(reuse.meanResponseBytes()).isGreaterThan(100);
        // the echo has no delay: faster than the REUSE path here, and it echoes the same request body
        EndpointStats echo = step.echo();
        assertThat(echo.errors()).isZero();
        assertThat(echo.throughputRps()).isGreaterThan(reuse.throughputRps());
        assertThat(echo.meanResponseBytes()).isEqualTo(LoadRunner.reuseBody("t").length);
        assertThat(step.ratio()).isEqualTo(reuse.throughputRps() / echo.throughputRps()).isLessThan(1);
        assertThat(echo.p50Ms()).isLessThan(reuse.p50Ms());
        assertThat(s.authorizations).as("every request carries the tenant's key").containsExactly("Bearer sck_standin");
      }
      // the server never handled fewer requests than were counted (seeding adds one REUSE request)
      long counted = r.steps().stream().mapToLong(st -> st.reuse().requests() + st.reuse().errors()).sum();
      assertThat(s.reuseHandled.get()).isGreaterThanOrEqualTo(counted + 1);
      assertThat(r.meta()).containsEntry("client", client);
      assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[load c=1 reuse]", "[load c=4 echo]");
    }
  }

  @Test
  void answersOnAnotherPathAreErrorsNotSuccesses() throws Exception {
    try (StandInServer s = new StandInServer(2, StandInServer.Fault.EVERY_FIFTH_PATCH)) {
      // seeding's REUSE request is the 1st: fine; then every 5th is a PATCH
      LoadResult r = runner(s, "socket", List.of(2), 0.8, 0.1, new PrintStream(new ByteArrayOutputStream())).run();
      EndpointStats reuse = r.steps().get(0).reuse();
      assertThat(reuse.errorKinds()).containsOnlyKeys("path PATCH");
      assertThat(reuse.errors()).isEqualTo(reuse.errorKinds().get("path PATCH"));
      double share = reuse.errors() / (double) (reuse.errors() + reuse.requests());
      assertThat(share).isBetween(0.15, 0.25);
      assertThat(reuse.firstError()).startsWith("path PATCH: ").contains("\"path\":\"PATCH\"");
      assertThat(reuse.throughputRps()).isEqualTo(reuse.requests() / reuse.seconds());
    }
  }

  @Test
  void seedingFailsLoudlyWhenTheRequestIsNotAReuse() throws Exception {
    try (StandInServer s = new StandInServer(0, StandInServer.Fault.NEVER_REUSE)) {
      assertThatThrownBy(() -> runner(s, "socket", List.of(1), 0.2, 0, new PrintStream(new ByteArrayOutputStream())).run())
          .isInstanceOf(LoadException.class)
          .hasMessageContaining("not served on REUSE")
          .hasMessageContaining("came back on MISS");
    }
  }

  @Test
  void anEchoEndpointThatIsOffOrWrongStopsTheRun() throws Exception {
    try (StandInServer s = new StandInServer(0, StandInServer.Fault.ECHO_OFF)) {
      assertThatThrownBy(() -> runner(s, "jdk", List.of(1), 0.2, 0, new PrintStream(new ByteArrayOutputStream())).run())
          .isInstanceOf(LoadException.class)
          .hasMessageContaining("404")
          .hasMessageContaining("STEPCACHE_BENCH_ECHO_ENABLED=true");
    }
    try (StandInServer s = new StandInServer(0, StandInServer.Fault.ECHO_WRONG)) {
      assertThatThrownBy(() -> runner(s, "socket", List.of(1), 0.2, 0, new PrintStream(new ByteArrayOutputStream())).run())
          .isInstanceOf(LoadException.class)
          .hasMessageContaining("did not echo: body differs");
    }
  }

  @Test
  void anUnreachableServerIsReportedAsSuch() throws Exception {
    java.net.URI url;
    try (StandInServer s = new StandInServer(0, StandInServer.Fault.NONE)) {
      url = s.url();
    }
    LoadRunner r = new LoadRunner(new LoadRunner.Config(url, "t", List.of(1), 0.2, 0, "socket", Duration.ofSeconds(2),
        false, null), new PrintStream(new ByteArrayOutputStream()));
    assertThatThrownBy(r::run).isInstanceOf(LoadException.class).hasMessageContaining("not reachable");
  }
}
