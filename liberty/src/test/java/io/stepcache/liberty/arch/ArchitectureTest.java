package io.stepcache.liberty.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.stepcache.engine.StepCacheEngine;

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
      .that().resideOutsideOfPackage("io.stepcache.store.infinispan..")
      .should().dependOnClassesThat().resideInAPackage("org.infinispan..")
      .because("the engine talks to the store through its port; the store is configuration, not code");

  @ArchTest
  static final ArchRule thePipelineKnowsOnlyItsPorts = noClasses()
      .that().resideInAPackage("io.stepcache.engine..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "io.stepcache.packhost..", "io.stepcache.backend..", "io.stepcache.store..", "io.stepcache.rules..",
          "io.stepcache.bootstrap..", "io.stepcache.liberty..", "io.stepcache.identity..", "java.net.http..")
      .because("the pipeline talks to packs, models, stores and rules through its ports (docs/architecture.md)");

  @ArchTest
  static final ArchRule thePlannerIsPlainJava = classes()
      .that().resideInAPackage("io.stepcache.checkpoint..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.stepcache.checkpoint..")
      .because("the checkpoint planner is a library of its own, usable without StepCache");

  @ArchTest
  static final ArchRule adaptersDoNotKnowEachOther = noClasses()
      .that().resideInAnyPackage("io.stepcache.packhost..", "io.stepcache.backend..", "io.stepcache.store..",
          "io.stepcache.rules..")
      .should().dependOnClassesThat(resideInAnyPackage(
              "io.stepcache.bootstrap..", "io.stepcache.liberty..", "jakarta..", "org.eclipse.microprofile..")
          .and(not(resideInAPackage("jakarta.json.."))))
      .because("the pack host, the backends, the stores and the rule engine plug into the engine, not into each"
          + " other or the server (JSON-P, the project's one JSON library, is a library, not the server)");

  @ArchTest
  static final ArchRule identityIsPlainJava = noClasses()
      .that().resideInAPackage("io.stepcache.identity..")
      .should().dependOnClassesThat(resideInAnyPackage(
              "io.stepcache.liberty..", "io.stepcache.bootstrap..", "jakarta..", "org.eclipse.microprofile..")
          .and(not(resideInAPackage("jakarta.json.."))))
      .because("who may call is decided in plain Java and tested without a server; the server maps refusals to"
          + " HTTP statuses");

  @ArchTest
  static final ArchRule oneWiring = noClasses()
      .that().resideOutsideOfPackage("io.stepcache.bootstrap..")
      .should().callMethod(StepCacheEngine.class, "builder")
      .because("the engine is wired in one place, io.stepcache.bootstrap, for the server, the test kit and the"
          + " benchmarks");
}
