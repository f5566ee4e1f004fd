package io.stepcache.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stepcache.engine.RequestPath;
import io.stepcache.engine.error.ErrorCode;
import io.stepcache.engine.error.StepCacheException;
import io.stepcache.engine.pack.PackInfo;
import io.stepcache.engine.pack.PackState;
import io.stepcache.engine.store.CacheEntry;
import io.stepcache.testkit.PackJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad jar is rejected with PACK_REJECTED and a reason a pack author can act on; the
 * running packs keep serving from an untouched cache, the failure is listed, and nothing of the
 * rejected jar stays loaded or on disk.
 */
class PackRejectionTest {

  @TempDir Path tmp;

  private Deployment d;
  private List<CacheEntry> cacheBefore;

  @BeforeEach
  void runningServerWithAWarmCache() {
    d = new Deployment(tmp);
    d.manager.deploy(d.write("doubling.jar", Deployment.jar("id=doubling")));
    assertThat(d.complete("acme", "doubling", "Double 21").path()).isEqualTo(RequestPath.MISS);
    assertThat(d.complete("acme", "countdown", "Count down from 3").path()).isEqualTo(RequestPath.MISS);
    cacheBefore = entries();
  }

  @AfterEach
  void close() {
    d.close();
  }

  @Test
  void aJarWithoutAPackIsRejected() {
    assertRejected(Deployment.jar("id=other").without("META-INF/services/io.stepcache.spi.TaskPack"),
        "contains no task pack", "META-INF/services/io.stepcache.spi.TaskPack is missing");
  }

  @Test
  void aServiceFileNamingNoClassIsRejected() {
    assertRejected(Deployment.jar("id=other").service("# nothing here"), "names no class");
  }

  @Test
  void aFileThatIsNoJarIsRejected() {
    assertRejected(null, "not a jar");
  }

  @Test
  void rulesThatDoNotCompileAreRejectedWithTheCompilerMessage() {
    PackJarBuilder jar = Deployment.jar("id=other", "rules=broken.drl")
        .resource("jarpack/broken.drl", "package stepcache.jarpack;\nrule \"oops\"\nwhen\n  NoSuchFact( )\nthen\nend\n");
    assertRejected(jar, "Task pack 'other' was rejected: its rules do not compile", "NoSuchFact");
  }

  @Test
  void anSpiRangeInTheDescriptorThatExcludesThisServerIsRejected() {
    PackJarBuilder jar = Deployment.jar("id=other", "requiresSpi=[2.0,3.0)").manifest("StepCache-Requires-Spi", "*");
    assertRejected(jar, "requires SPI [2.0,3.0) but this server provides SPI " + io.stepcache.spi.SpiVersion.CURRENT);
  }

  @Test
  void anSpiRangeInTheManifestIsCheckedBeforeAnyClassLoads() {
    PackJarBuilder jar = Deployment.jar("id=other").manifest("StepCache-Requires-Spi", "[2.0,3.0)");
    assertRejected(jar, "requires SPI [2.0,3.0) (manifest StepCache-Requires-Spi)");
  }

  @Test
  void aDuplicateIdIsRejectedWhoeverHoldsIt() {
    assertRejected(Deployment.jar("id=doubling", "version=9.0.0"), "a pack with that id (doubling@1.0.0#", "already loaded");
    assertRejected(Deployment.jar("id=countdown"), "a pack with that id (countdown@1.0.0#", "from classpath");
    assertThat(d.live("doubling").descriptor().version()).isEqualTo("1.0.0");
  }

  @Test
  void aPackThatThrowsAtStartIsRejected() {
    assertRejected(Deployment.jar("id=other", "failStart=true"), "failed to start", "the licence file is missing");
  }

  @Test
  void aPackMissingABundledLibraryIsRejectedWithAHint() {
    PackJarBuilder jar = Deployment.jar("id=other").without("lib/doubler.jar");
    assertRejected(jar, "NoClassDefFoundError", "io/stepcache/testkit/jarpacklib/Doubler", "bundle its libraries as lib/*.jar");
  }

  private void assertRejected(PackJarBuilder jar, String... reasons) {
    Path file = jar == null ? writeGarbage() : d.write("bad.jar", jar);
    StepCacheException e = catchThrowableOfType(StepCacheException.class, () -> d.manager.upload(file, null));
    assertThat(e).as("upload of a bad jar").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.PACK_REJECTED);
    assertThat(e.getMessage()).contains(reasons);

    // listed with its error
    List<PackInfo> failed = d.manager.list().stream().filter(p -> p.state() == PackState.FAILED).toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).error()).isEqualTo(e.getMessage());

    // the running packs and the cache are untouched
    assertThat(d.manager.list().stream().filter(p -> p.state() == PackState.STARTED).map(PackInfo::id))
        .containsExactly("countdown", "doubling");
    assertThat(entries()).containsExactlyInAnyOrderElementsOf(cacheBefore);
    assertThat(d.complete("acme", "doubling", "Double 21").path()).isEqualTo(RequestPath.REUSE);
    assertThat(d.complete("acme", "countdown", "Count down from 3").path()).isEqualTo(RequestPath.REUSE);

    // nothing of the rejected jar is left unpacked, nothing was saved in the packs directory
    try (Stream<Path> work = Files.list(tmp.resolve("work"))) {
      assertThat(work).hasSize(1); // the live doubling pack's deployment
    } catch (java.io.IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
    assertThat(d.packsDir.resolve("other.jar")).doesNotExist();
  }

  private Path writeGarbage() {
    try {
      Path file = tmp.resolve("jars").resolve("garbage.jar");
      Files.createDirectories(file.getParent());
      return Files.write(file, "this is not a zip file".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<CacheEntry> entries() {
    List<CacheEntry> all = new ArrayList<>();
    d.store.forEach(all::add);
    return all;
  }
}
