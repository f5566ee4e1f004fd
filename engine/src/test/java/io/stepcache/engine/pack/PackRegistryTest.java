package io.stepcache.engine.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.verify.CompiledRules;
import io.stepcache.spi.Analyser;
import io.stepcache.spi.Detector;
import io.stepcache.spi.PackDescriptor;
import io.stepcache.spi.PromptBuilder;
import io.stepcache.spi.Signature;
import io.stepcache.spi.Stitcher;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.TaskRequest;
import io.stepcache.spi.repair.RepairStrategy;
import io.stepcache.spi.segment.Segmenter;
import io.stepcache.spi.sim.ModelOracle;
import io.stepcache.spi.verify.FactProvider;
import io.stepcache.spi.verify.RuleResource;
import io.stepcache.spi.verify.Verdicts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Holds, retirement and copy-on-write publication, without Drools (hand-written fakes). */
class PackRegistryTest {

  /** A pack that only names itself and counts closes; its rules count closes too. */
  static final class FakePack implements TaskPack {
    final String id;
    final String version;
    final AtomicInteger closes = new AtomicInteger();

    FakePack(String id, String version) {
      this.id = id;
      this.version = version;
    }

    @Override public PackDescriptor descriptor() { return new PackDescriptor(id, version, "fake", "[1.0,2.0)"); }
    @Override public Detector detector() { return r -> r.prompt().contains(id) ? 1 : 0; }
    @Override public Analyser analyser() { return r -> new Signature("k", Map.of(), Map.of()); }
    @Override public Segmenter segmenter() { return (o, r) -> List.of(o); }
    @Override public List<RuleResource> rules() { return List.of(); }
    @Override public FactProvider facts() { return (r, s, steps, st, a) -> List.of(); }
    @Override public List<RepairStrategy> repairStrategies() { return List.of(); }
    @Override public PromptBuilder prompts() { return TaskRequest::prompt; }
    @Override public Stitcher stitcher() { return (steps, r, s) -> null; }
    @Override public Optional<ModelOracle> oracle() { return Optional.of(p -> Optional.of(id + "@" + version)); }
    @Override public void close() { closes.incrementAndGet(); }
  }

  static final class FakeRules implements CompiledRules {
    final AtomicInteger closes = new AtomicInteger();
    @Override public String rulesHash() { return "0123456789abcdef0123456789abcdef"; }
    @Override public Verdicts evaluate(Collection<?> facts) { return new Verdicts(); }
    @Override public void close() { closes.incrementAndGet(); }
  }

  static LoadedPack loaded(String id, String version) {
    return new LoadedPack(new FakePack(id, version), new FakeRules(), PackRegistryTest.class.getClassLoader());
  }

  @Test
  void aRetiredPackDrainsItsHoldersBeforeItCanBeClosed() {
    LoadedPack p = loaded("a", "1");
    assertThat(p.tryAcquire()).isTrue();
    assertThat(p.tryAcquire()).isTrue();
    CompletableFuture<LoadedPack> drained = p.retire();
    assertThat(p.state()).isEqualTo(PackState.STOPPING);
    assertThat(p.tryAcquire()).as("no new holder after retirement").isFalse();
    assertThat(drained).isNotDone();
    p.release();
    assertThat(drained).isNotDone();
    p.release();
    assertThat(drained).isCompletedWithValue(p);
    assertThat(p.retire()).isSameAs(drained);
    p.close();
    p.close();
    assertThat(p.state()).isEqualTo(PackState.STOPPED);
    assertThat(((FakePack) p.pack()).closes).hasValue(1);
    assertThat(((FakeRules) p.rules()).closes).hasValue(1);
  }

  @Test
  void anIdlePackDrainsAtOnce() {
    assertThat(loaded("a", "1").retire()).isDone();
  }

  @Test
  void replaceAndUnregisterPublishNewSnapshotsAndLeaveClosingToTheCaller() {
    try (PackRegistry r = new PackRegistry()) {
      LoadedPack v1 = loaded("a", "1");
      r.register(v1);
      assertThatThrownBy(() -> r.register(loaded("a", "2"))).isInstanceOf(StepCacheException.class)
          .hasMessageContaining("already loaded");
      LoadedPack v2 = loaded("a", "2");
      assertThat(r.replace(v2)).containsSame(v1);
      assertThat(v1.state()).isEqualTo(PackState.STARTED);
      assertThat(r.byId("a")).isSameAs(v2);
      assertThat(r.unregister("a")).containsSame(v2);
      assertThat(r.unregister("a")).isEmpty();
      assertThatThrownBy(() -> r.acquire("a")).hasMessageContaining("No task pack 'a' is loaded");
    }
  }

  @Test
  void acquireSkipsAPackRetiredBetweenLookupAndHoldAndOraclesAskTheLiveOne() {
    try (PackRegistry r = new PackRegistry()) {
      LoadedPack v1 = loaded("a", "1");
      r.register(v1);
      List<ModelOracle> oracles = r.oracles();
      LoadedPack v2 = loaded("a", "2");
      r.replace(v2);
      v1.retire();
      LoadedPack held = r.acquire("a");
      assertThat(held).isSameAs(v2);
      held.release();
      assertThat(oracles.get(0).answer("x")).as("an oracle list taken before the swap asks the new pack")
          .hasValue("a@2");
      assertThat(r.acquireDetected(TaskRequest.of("about a"))).isSameAs(v2);
      v2.release();
    }
  }

  @Test
  void concurrentHoldersNeverSeeAClosedPack() throws Exception {
    try (PackRegistry r = new PackRegistry()) {
      r.register(loaded("a", "0"));
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger closedSeen = new AtomicInteger();
      AtomicInteger holds = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(3);
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        workers.add(pool.submit(() -> {
          while (!stop.get()) {
            LoadedPack p = r.acquire("a");
            try {
              holds.incrementAndGet();
              if (p.state() == PackState.STOPPED) {
                closedSeen.incrementAndGet();
              }
            } finally {
              p.release();
            }
          }
        }));
      }
      List<CompletableFuture<Void>> closings = new ArrayList<>();
      for (int v = 1; v <= 200; v++) {
        LoadedPack old = r.replace(loaded("a", Integer.toString(v))).orElseThrow();
        closings.add(old.retire().thenAccept(LoadedPack::close));
      }
      stop.set(true);
      for (Future<?> w : workers) {
        w.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      CompletableFuture.allOf(closings.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      assertThat(closedSeen).hasValue(0);
      assertThat(holds.get()).isPositive();
    }
  }
}
