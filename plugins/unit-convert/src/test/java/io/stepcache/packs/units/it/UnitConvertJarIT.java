package io.stepcache.packs.units.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.stepcache.engine.CompletionResult;
import io.stepcache.engine.RequestPath;
import io.stepcache.packhost.PackClassLoader;
import io.stepcache.testkit.PackTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The built jar (target/*.jar, after {@code package}) loads and serves in its own class loader, with
 * Commons Math from its lib/ (the server's class path is invisible to it): what a hot deployment
 * will do, without a server.
 */
class UnitConvertJarIT {

  @Test
  void theBuiltJarIsCompleteAndServes() {
    Path jar = Path.of(System.getProperty("pack.jar", "target/stepcache-pack-unit-convert.jar"));
    assertThat(jar).exists();
    try (PackTestKit kit = PackTestKit.forJar(jar).build()) {
      assertThat(kit.loaded().classLoader()).isInstanceOf(PackClassLoader.class);
      assertThat(kit.loaded().pack().getClass().getClassLoader()).isSameAs(kit.loaded().classLoader());
      CompletionResult r = kit.complete("Convert 26.2 miles to km");
      assertThat(r.path()).isEqualTo(RequestPath.MISS);
      assertThat(r.verified()).isTrue();
      assertThat(r.answerJson()).isEqualTo("{\"value\":42.1648,\"unit\":\"km\"}");
      assertThat(kit.complete("Convert 13.1 miles to km").path()).isEqualTo(RequestPath.REUSE);
    }
  }

  @Test
  void itsLibraryComesFromItsOwnLib() throws Exception {
    Path jar = Path.of(System.getProperty("pack.jar"));
    try (PackTestKit kit = PackTestKit.forJar(jar).build()) {
      ClassLoader cl = kit.loaded().classLoader();
      Class<?> fraction = cl.loadClass("org.apache.commons.math3.fraction.BigFraction");
      assertThat(fraction.getClassLoader()).isSameAs(cl);
      assertThat(fraction).isNotSameAs(org.apache.commons.math3.fraction.BigFraction.class);
      assertThat(Files.exists(Path.of(fraction.getProtectionDomain().getCodeSource().getLocation().toURI()))).isTrue();
    }
  }
}
