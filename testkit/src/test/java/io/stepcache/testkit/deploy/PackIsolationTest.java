package io.stepcache.testkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stepcache.engine.pack.LoadedPack;
import io.stepcache.packhost.PackClassLoader;
import io.stepcache.spi.TaskPack;
import io.stepcache.spi.verify.Verdicts;
import io.stepcache.testkit.jarpack.JarPack;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployed pack shares the SPI with the host and nothing else. */
class PackIsolationTest {

  @TempDir Path tmp;

  @Test
  void aPackSeesTheSpiTheJdkItsJarAndItsLibrariesOnly() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      d.manager.deploy(d.write("doubling.jar", Deployment.jar("id=doubling")));
      LoadedPack p = d.live("doubling");
      ClassLoader cl = p.classLoader();
      assertThat(cl).isInstanceOf(PackClassLoader.class);
      assertThat(cl.getParent()).isSameAs(ClassLoader.getPlatformClassLoader());

      // its own classes, not the copies on the test class path
      assertThat(p.pack().getClass().getName()).isEqualTo(JarPack.class.getName());
      assertThat(p.pack().getClass()).isNotSameAs(JarPack.class);
      assertThat(p.pack().getClass().getClassLoader()).isSameAs(cl);
      // its bundled library, from lib/doubler.jar
      Class<?> doubler = cl.loadClass("io.stepcache.testkit.jarpacklib.Doubler");
      assertThat(doubler.getClassLoader()).isSameAs(cl);
      assertThat(doubler.getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith("/lib/doubler.jar");

      // the SPI is the host's, class for class
      assertThat(cl.loadClass(TaskPack.class.getName())).isSameAs(TaskPack.class);
      assertThat(cl.loadClass(Verdicts.class.getName())).isSameAs(Verdicts.class);
      // the JDK, including the platform modules
      assertThat(cl.loadClass("java.sql.Connection")).isNotNull();

      // nothing else of the host: not the engine, not Drools, not the test class path
      for (String hidden : List.of(
          "io.stepcache.engine.StepCacheEngine",
          "io.stepcache.rules.DroolsRuleEngine",
          "org.kie.api.KieServices",
          "org.drools.core.reteoo.RuntimeComponentFactory",
          "org.mvel2.MVEL",
          "io.stepcache.testkit.countdown.CountdownPack",
          "org.junit.jupiter.api.Test")) {
        assertThatThrownBy(() -> cl.loadClass(hidden)).as(hidden).isInstanceOf(ClassNotFoundException.class);
      }
      // and only its own service file
      List<URL> services = Collections.list(cl.getResources("META-INF/services/io.stepcache.spi.TaskPack"));
      assertThat(services).singleElement().satisfies(u -> assertThat(u.toString()).contains("pack.jar!"));
    }
  }

  @Test
  void twoDeploymentsOfOneJarHaveTheirOwnClasses() throws Exception {
    try (Deployment d = new Deployment(tmp)) {
      Path jar = d.write("doubling.jar", Deployment.jar("id=doubling"));
      d.manager.deploy(jar);
      Class<?> first = d.live("doubling").pack().getClass();
      d.manager.replace(jar);
      Class<?> second = d.live("doubling").pack().getClass();
      assertThat(second.getName()).isEqualTo(first.getName());
      assertThat(second).isNotSameAs(first);
    }
  }
}
