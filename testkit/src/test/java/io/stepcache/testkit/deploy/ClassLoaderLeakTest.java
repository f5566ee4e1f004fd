package io.stepcache.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.RequestPath;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.packhost.PackClassLoader;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploying, using and removing a pack 50 times leaks no class loader: once every retirement has
 * finished, every one of the 50 pack class loaders becomes unreachable (checked with weak
 * references and a bounded series of garbage collections), and nothing is left on disk.
 */
class ClassLoaderLeakTest {

  private static final int ROUNDS = 50;

  @TempDir Path tmp;

  @Test
  void fiftyDeployUseRemoveCyclesLeaveNoClassLoaderBehind() throws Exception {
    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    try (Deployment d = new Deployment(tmp)) {
      Path jar = d.write("doubling.jar", Deployment.jar("id=doubling"));
      for (int i = 0; i < ROUNDS; i++) {
        d.manager.deploy(jar);
        LoadedPack live = d.live("doubling");
        assertThat(live.classLoader()).isInstanceOf(PackClassLoader.class);
        loaders.add(new WeakReference<>(live.classLoader()));
        String tenant = "t" + i;
        assertThat(d.complete(tenant, "doubling", "Double " + (i + 3)).path()).isEqualTo(RequestPath.MISS);
        assertThat(d.complete(tenant, "doubling", "Double " + (i + 3)).path()).isEqualTo(RequestPath.REUSE);
        d.manager.undeploy("doubling");
        live = null;
        d.awaitRetirements();
      }
      // the host keeps working; the cache holds nothing of the removed packs
      assertThat(d.complete("t", "countdown", "Count down from 3").verified()).isTrue();
      assertThat(d.store.size()).isEqualTo(1);
      try (var left = Files.list(tmp.resolve("work"))) {
        assertThat(left).as("unpacked deployments left on disk").isEmpty();
      }
    }
    int alive = collect(loaders);
    assertThat(alive).as("pack class loaders still reachable after %d deploy/remove cycles", ROUNDS).isZero();
  }

  /** Runs the collector until every reference is cleared (at most ~20 s); returns how many are not. */
  static int collect(List<WeakReference<ClassLoader>> refs) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    int alive = refs.size();
    List<byte[]> pressure = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      System.gc();
      alive = (int) refs.stream().filter(r -> r.get() != null).count();
      if (alive == 0) {
        break;
      }
      Thread.sleep(100);
      try {
        pressure.add(new byte[16 * 1024 * 1024]); // soft references (JDK caches) go before an OOM
      } catch (OutOfMemoryError e) {
        pressure.clear();
      }
    }
    return alive;
  }

}
