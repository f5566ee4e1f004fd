package io.stepcache.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.RequestPath;
import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.engine.pack.PackInfo;
import io.stepcache.engine.pack.PackState;
import io.stepcache.packhost.PackDirectoryWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packs directory: jars added, overwritten and deleted there are deployed, replaced and
 * removed; a jar still being written is never loaded half-written; uploads are saved there and
 * come back after a restart.
 */
class PackDirectoryTest {

  @TempDir Path tmp;

  @Test
  void aJarIsDeployedOnlyOnceItStoppedChanging() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      byte[] jar = Deployment.jar("id=doubling").toBytes();
      Path file = d.packsDir.resolve("doubling.jar");

      // half of it copied so far
      Files.write(file, Arrays.copyOf(jar, jar.length / 2));
      d.manager.scan();
      assertThat(ids(d)).containsExactly("countdown");
      // the copy goes on: still changing, still not loaded
      Files.write(file, Arrays.copyOf(jar, jar.length * 3 / 4));
      touch(file, 1);
      d.manager.scan();
      assertThat(ids(d)).containsExactly("countdown");
      assertThat(failed(d)).isEmpty();
      // done; unchanged between two scans: deployed
      Files.write(file, jar);
      touch(file, 2);
      d.manager.scan();
      assertThat(ids(d)).containsExactly("countdown");
      d.manager.scan();
      assertThat(ids(d)).containsExactly("countdown", "doubling");
      assertThat(d.live("doubling").source()).isEqualTo("doubling.jar");
      assertThat(d.complete("a", "doubling", "Double 4").verified()).isTrue();
    }
  }

  @Test
  void aCorruptJarThatStaysIsListedAsFailedUntilItIsFixed() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      Path file = d.packsDir.resolve("doubling.jar");
      byte[] jar = Deployment.jar("id=doubling").toBytes();
      Files.write(file, Arrays.copyOf(jar, jar.length / 2));
      d.manager.scan();
      d.manager.scan();
      assertThat(failed(d)).singleElement().satisfies(f -> {
        assertThat(f.source()).isEqualTo("doubling.jar");
        assertThat(f.error()).contains("Pack jar 'doubling.jar' was rejected");
      });
      d.manager.scan(); // unchanged: not retried, still listed
      assertThat(failed(d)).hasSize(1);

      Files.write(file, jar);
      touch(file, 1);
      d.manager.scan();
      d.manager.scan();
      assertThat(failed(d)).isEmpty();
      assertThat(ids(d)).contains("doubling");
    }
  }

  @Test
  void overwritingReplacesDeletingRemovesAndABrokenOverwriteKeepsTheOldVersion() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      Path file = d.packsDir.resolve("doubling.jar");
      Deployment.jar("id=doubling", "version=1.0.0").writeTo(file);
      d.manager.loadDirectory(); // at start-up every jar counts as complete
      LoadedPack v1 = d.live("doubling");
      assertThat(d.complete("a", "doubling", "Double 4").path()).isEqualTo(RequestPath.MISS);

      // atomic switch: write a dot-file (ignored), then rename over the old jar
      Path part = d.packsDir.resolve(".doubling.jar.part");
      Deployment.jar("id=doubling", "version=2.0.0").writeTo(part);
      d.manager.scan();
      assertThat(d.live("doubling")).isSameAs(v1);
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      touch(file, 1);
      d.manager.scan();
      d.manager.scan();
      d.awaitRetirements();
      LoadedPack v2 = d.live("doubling");
      assertThat(v2.descriptor().version()).isEqualTo("2.0.0");
      assertThat(v1.state()).isEqualTo(PackState.STOPPED);
      assertThat(d.complete("a", "doubling", "Double 4").path()).isEqualTo(RequestPath.MISS);

      // a broken version 3: rejected, version 2 serves on, the failure is listed
      Deployment.jar("id=doubling", "version=3.0.0", "failStart=true").writeTo(file);
      touch(file, 2);
      d.manager.scan();
      d.manager.scan();
      assertThat(d.live("doubling")).isSameAs(v2);
      assertThat(failed(d)).singleElement().satisfies(f -> assertThat(f.error()).contains("the licence file is missing"));
      assertThat(d.complete("a", "doubling", "Double 4").path()).isEqualTo(RequestPath.REUSE);

      // deleted: removed and invalidated
      Files.delete(file);
      d.manager.scan();
      d.awaitRetirements();
      assertThat(ids(d)).containsExactly("countdown");
      assertThat(failed(d)).isEmpty();
      assertThat(v2.state()).isEqualTo(PackState.STOPPED);
      d.store.forEach(e -> assertThat(e.key().packKey()).startsWith("countdown@"));
    }
  }

  @Test
  void twoJarsWithOneIdLoadTheFirstAndListTheSecondAsDuplicate() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      Deployment.jar("id=doubling").writeTo(d.packsDir.resolve("a.jar"));
      Deployment.jar("id=doubling", "version=2.0.0").writeTo(d.packsDir.resolve("b.jar"));
      d.manager.loadDirectory();
      assertThat(d.live("doubling").source()).isEqualTo("a.jar");
      assertThat(failed(d)).singleElement().satisfies(f -> {
        assertThat(f.source()).isEqualTo("b.jar");
        assertThat(f.id()).isEqualTo("doubling");
        assertThat(f.error()).contains("already loaded");
      });
    }
  }

  @Test
  void uploadsAreSavedInTheDirectoryAndSurviveARestart() throws Exception {
    Path jar;
    try (Deployment d = new Deployment(tmp)) {
      jar = d.write("whatever-name.jar", Deployment.jar("id=doubling"));
      PackInfo info = d.manager.upload(jar, null);
      assertThat(info.source()).isEqualTo("doubling.jar");
      assertThat(d.packsDir.resolve("doubling.jar")).exists();
      d.manager.scan();
      d.manager.scan();
      assertThat(failed(d)).as("the watcher does not load the saved upload a second time").isEmpty();
    }
    try (Deployment restarted = new Deployment(tmp)) {
      restarted.manager.loadDirectory();
      assertThat(ids(restarted)).containsExactly("countdown", "doubling");
      restarted.manager.undeploy("doubling");
      assertThat(restarted.packsDir.resolve("doubling.jar")).doesNotExist();
      assertThatThrownBy(() -> restarted.live("doubling")).hasMessageContaining("No task pack 'doubling'");
    }
  }

  @Test
  void theWatcherPicksUpADroppedJarOnItsOwn() throws Exception {
    try (Deployment d = new Deployment(tmp);
        PackDirectoryWatcher watcher = new PackDirectoryWatcher(d.manager, Duration.ofMillis(50))) {
      long t0 = System.nanoTime();
      Path part = d.packsDir.resolve(".doubling.jar.tmp");
      Deployment.jar("id=doubling").writeTo(part);
      Files.move(part, d.packsDir.resolve("doubling.jar"), StandardCopyOption.ATOMIC_MOVE);
      while (ids(d).size() < 2 && System.nanoTime() - t0 < 30_000_000_000L) {
        Thread.sleep(10);
      }
      assertThat(ids(d)).contains("doubling");
      assertThat(d.complete("a", "doubling", "Double 4").verified()).isTrue();
      System.out.printf("jar drop to first served request (scan interval 50 ms): %d ms%n",
          (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private static List<String> ids(Deployment d) {
    return d.registry.packs().stream().map(LoadedPack::id).toList();
  }

  private static List<PackInfo> failed(Deployment d) {
    return d.manager.list().stream().filter(p -> p.state() == PackState.FAILED).toList();
  }

  /** Moves the modification time forward, as a real copy taking time would. */
  private static void touch(Path file, int seconds) throws Exception {
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + seconds * 1000L));
  }
}
