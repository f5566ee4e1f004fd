package io.stepcache.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.backend.Backend;
import io.stepcache.engine.backend.Generation;
import io.stepcache.engine.backend.GenerationRequest;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copy-on-write swaps under load: requests in flight finish on the old pack, new requests see the
 * new one, and no request fails while a pack is replaced again and again.
 */
class HotSwapTest {

  @TempDir Path tmp;

  @Test
  void aRequestInFlightFinishesOnTheOldPackWhichIsClosedOnlyAfterwards() throws Exception {
    CountDownLatch modelCalled = new CountDownLatch(1);
    CountDownLatch letModelAnswer = new CountDownLatch(1);
    try (Deployment d = new Deployment(tmp, sim -> new Backend() {
          @Override
          public Generation generate(GenerationRequest request) {
            if (request.prompt().contains("Double 77")) {
              modelCalled.countDown();
              await(letModelAnswer);
            }
            return sim.generate(request);
          }

          @Override
          public String name() {
            return "held";
          }
        })) {
      d.manager.deploy(d.write("v1.jar", Deployment.jar("id=doubling", "version=1.0.0")));
      LoadedPack v1 = d.live("doubling");
      ExecutorService client = Executors.newSingleThreadExecutor();
      try {
        Future<CompletionResult> inFlight = client.submit(() -> d.complete("a", "doubling", "Double 77"));
        assertThat(modelCalled.await(30, TimeUnit.SECONDS)).isTrue();

        d.manager.replace(d.write("v2.jar", Deployment.jar("id=doubling", "version=2.0.0")));
        LoadedPack v2 = d.live("doubling");
        // new requests see the new pack at once
        assertThat(d.complete("b", "doubling", "Double 3").verified()).isTrue();
        assertThat(v2.state()).isEqualTo(PackState.STARTED);
        // the old one is retired but still holds its request, so it is not closed
        assertThat(v1.state()).isEqualTo(PackState.STOPPING);
        assertThat(v1.inFlight()).isEqualTo(1);
        assertThat(d.manager.retirements()).isNotDone();

        letModelAnswer.countDown();
        CompletionResult r = inFlight.get(30, TimeUnit.SECONDS);
        // segmenting, verifying (Drools on the old rules) and stitching ran after the swap, on v1
        assertThat(r.verified()).isTrue();
        assertThat(r.answerJson()).isEqualTo("{\"value\":154}");

        d.awaitRetirements();
        assertThat(v1.state()).isEqualTo(PackState.STOPPED);
        List<String> keys = new ArrayList<>();
        d.store.forEach(e -> keys.add(e.key().packKey()));
        assertThat(keys).as("v1's late entry was invalidated with the rest of v1").doesNotContain(v1.packKey());
      } finally {
        letModelAnswer.countDown();
        client.shutdownNow();
      }
    }
  }

  @Test
  void swappingTwentyTimesUnderSteadyLoadFailsNoRequest() throws Exception {
    int clients = 4;
    int swaps = 20;
    try (Deployment d = new Deployment(tmp)) {
      Path v1 = d.write("v1.jar", Deployment.jar("id=doubling", "version=1.0.0"));
      Path v2 = d.write("v2.jar", Deployment.jar("id=doubling", "version=2.0.0"));
      d.manager.deploy(v1);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger served = new AtomicInteger();
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        running.add(pool.submit(() -> {
          int i = 0;
          while (!stop.get()) {
            int n = 1 + (i++ % 40);
            try {
              CompletionResult r = d.complete("tenant" + client, i % 3 == 0 ? null : "doubling", "Double " + n);
              if (!r.verified() || !r.answerJson().equals("{\"value\":" + (2 * n) + "}")) {
                failures.add(new AssertionError("wrong answer for Double " + n + ": " + r));
              }
              served.incrementAndGet();
            } catch (RuntimeException | Error e) {
              failures.add(e);
            }
          }
        }));
      }
      long t0 = System.nanoTime();
      for (int s = 0; s < swaps; s++) {
        Thread.sleep(20);
        d.manager.replace(s % 2 == 0 ? v2 : v1);
      }
      Thread.sleep(50);
      stop.set(true);
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      d.awaitRetirements();
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("hot swap under load: %d swaps, %d requests by %d clients in %.1f s, %d failed%n",
          swaps, served.get(), clients, seconds, failures.size());
      assertThat(failures).as("requests that failed during the swaps").isEmpty();
      assertThat(served.get()).isGreaterThan(swaps);
      assertThat(d.registry.packs()).extracting(LoadedPack::state).containsOnly(PackState.STARTED);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let the model answer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
