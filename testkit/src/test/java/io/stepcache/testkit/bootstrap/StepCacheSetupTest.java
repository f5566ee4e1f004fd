package io.stepcache.testkit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.bootstrap.BackendChoice;
import io.stepcache.bootstrap.HotDeploy;
import io.stepcache.bootstrap.PackSource;
import io.stepcache.bootstrap.RunningStepCache;
import io.stepcache.bootstrap.StepCacheSetup;
import io.stepcache.engine.CompletionRequest;
import io.stepcache.engine.RequestPath;
import io.stepcache.engine.backend.sim.ErrorInjection;
import io.stepcache.engine.backend.sim.SimulatedBackend;
import io.stepcache.engine.backend.sim.SimulationProfile;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.engine.store.EntryKey;
import io.stepcache.engine.store.InMemoryStepStore;
import io.stepcache.engine.store.StepStore;
import io.stepcache.engine.time.VirtualClock;
import io.stepcache.testkit.countdown.CountdownPack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one wiring ({@code bootstrap}), tested here because its tests need a pack and every pack's tests need the test kit. */
class StepCacheSetupTest {

  private static final BackendChoice PERFECT_MODEL =
      BackendChoice.simulated(SimulationProfile.llamaServerDefaults(), ErrorInjection.none(), 42);

  private static StepCacheSetup.Builder math() {
    return StepCacheSetup.builder().packs(PackSource.instance(new CountdownPack())).backend(PERFECT_MODEL)
        .clock(new VirtualClock());
  }

  @Test
  void startsAnEngineThatServesAndReuses() {
    try (RunningStepCache running = math().build().start()) {
      assertThat(running.registry().packs()).extracting(p -> p.id()).containsExactly("countdown");
      assertThat(running.backend()).isInstanceOf(SimulatedBackend.class);
      CompletionRequest request = CompletionRequest.of("Count down from 3", "countdown");
      assertThat(running.engine().complete(request).path()).isEqualTo(RequestPath.MISS);
      assertThat(running.engine().complete(request).path()).isEqualTo(RequestPath.REUSE);
      assertThat(running.store().size()).isEqualTo(1);
      assertThat(running.packs()).isEmpty();
    }
  }

  @Test
  void theBackendTheEngineCallsCanBeDecorated() {
    AtomicBoolean decorated = new AtomicBoolean();
    try (RunningStepCache running = math().decorateBackend(b -> {
      decorated.set(true);
      return b;
    }).build().start()) {
      assertThat(decorated).isTrue();
      assertThat(running.backend()).isInstanceOf(SimulatedBackend.class);
    }
  }

  @Test
  void anOwnedStoreIsClosedWithStepCacheASharedOneIsNot() {
    AtomicBoolean ownedClosed = new AtomicBoolean();
    math().openStore(() -> new ClosingStore(ownedClosed)).build().start().close();
    assertThat(ownedClosed).isTrue();

    AtomicBoolean sharedClosed = new AtomicBoolean();
    ClosingStore shared = new ClosingStore(sharedClosed);
    math().sharedStore(shared).build().start().close();
    assertThat(sharedClosed).isFalse();
  }

  @Test
  void aFailedStartClosesWhatItHadOpened(@TempDir Path dir) {
    AtomicBoolean closed = new AtomicBoolean();
    StepCacheSetup bad = math()
        .packs(PackSource.jar(dir.resolve("missing.jar")))
        .openStore(() -> new ClosingStore(closed))
        .build();
    assertThatThrownBy(bad::start)
        .isInstanceOfSatisfying(StepCacheException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PACK_REJECTED))
        .hasMessageContaining("missing.jar");
    assertThat(closed).isTrue();
  }

  @Test
  void hotDeploymentWatchesItsDirectory(@TempDir Path dir) throws Exception {
    Path packs = dir.resolve("packs");
    HotDeploy hot = new HotDeploy(packs, dir.resolve("work"), Duration.ZERO, Duration.ofSeconds(1));
    try (RunningStepCache running = math().hotDeploy(hot).build().start()) {
      assertThat(Files.isDirectory(packs)).isTrue();
      assertThat(running.packs()).isPresent();
      assertThat(running.packs().get().list()).extracting(p -> p.id()).containsExactly("countdown");
    }
  }

  @Test
  void aSetupNeedsPacksAndABackend() {
    assertThatThrownBy(() -> StepCacheSetup.builder().backend(PERFECT_MODEL).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No pack source");
    assertThatThrownBy(() -> StepCacheSetup.builder().packs(PackSource.instance(new CountdownPack())).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("backend");
  }

  /** An in-memory store that records being closed. */
  private static final class ClosingStore implements StepStore {
    private final StepStore entries = new InMemoryStepStore();
    private final AtomicBoolean closed;

    ClosingStore(AtomicBoolean closed) {
      this.closed = closed;
    }

    @Override
    public Optional<CacheEntry> get(EntryKey key) {
      return entries.get(key);
    }

    @Override
    public void put(CacheEntry entry) {
      entries.put(entry);
    }

    @Override
    public void remove(EntryKey key) {
      entries.remove(key);
    }

    @Override
    public void forEach(Consumer<CacheEntry> action) {
      entries.forEach(action);
    }

    @Override
    public long size() {
      return entries.size();
    }

    @Override
    public List<EntryKey> removeMatching(Predicate<EntryKey> which) {
      return entries.removeMatching(which);
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }
}
