package io.stepcache.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client is a small library of APIs: it knows the wire format, not the server. */
@AnalyzeClasses(packages = "io.stepcache.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {

  @ArchTest
  static final ArchRule onlyTheApis = classes()
      .that().resideInAPackage("io.stepcache.client..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.stepcache.client..", "jakarta.ws.rs..",
          "jakarta.json..", "org.eclipse.microprofile.rest.client..", "org.eclipse.microprofile.config..")
      .because("an application adds the client to its own runtime: MicroProfile Rest Client, Config, Jakarta REST and"
          + " JSON-B/JSON-P, nothing of StepCache's server or engine");

}
