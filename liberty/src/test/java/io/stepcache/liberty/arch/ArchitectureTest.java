package io.stepcache.liberty.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of docs/architecture.md, "Modules and layering", checked on the classes that end up in the WAR. */
@AnalyzeClasses(packages = "io.stepcache", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule engineAndSpiArePlainJava = noClasses()
      .that().resideInAnyPackage("io.stepcache.engine..", "io.stepcache.spi..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "jakarta..", "javax.ws..", "javax.enterprise..", "org.kie..", "org.drools..", "org.infinispan..",
          "org.eclipse.microprofile..")
      .because("the engine and the SPI must run outside a server and without Drools or Infinispan");

  @ArchTest
  static final ArchRule spiDependsOnlyOnTheJdk = classes()
      .that().resideInAPackage("io.stepcache.spi..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.stepcache.spi..")
      .because("task packs compile against the SPI alone");

  @ArchTest
  static final ArchRule infinispanStaysInTheStorePackage = noClasses()
      .that().resideOutsideOfPackage("io.stepcache.liberty.store..")
      .should().dependOnClassesThat().resideInAPackage("org.infinispan..")
      .because("the engine talks to the store through its port; the store is configuration, not code");
}
