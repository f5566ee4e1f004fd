package io.stepcache.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of DEVELOPERS.md, checked on the compiled classes of the SPI and the engine. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.stepcache.spi", "io.stepcache.engine");

  @Test
  void spiDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.stepcache.spi..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.stepcache.spi..")
        .check(CLASSES);
  }

  @Test
  void engineIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("io.stepcache.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta..", "javax.ws..", "org.kie..", "org.drools..", "org.infinispan..", "org.eclipse.microprofile..")
        .check(CLASSES);
  }

  @Test
  void onlyTheEngineFacadeReachesIntoInternal() {
    noClasses()
        .that()
        .resideInAPackage("io.stepcache.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.stepcache.engine..")
        .check(CLASSES);
  }
}
