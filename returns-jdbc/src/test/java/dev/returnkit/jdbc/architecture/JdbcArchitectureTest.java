package dev.returnkit.jdbc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** returns-jdbc needs nothing of returnkit but the contract (docs/architecture.md). */
@AnalyzeClasses(packages = "dev.returnkit.jdbc",
    importOptions = ImportOption.DoNotIncludeTests.class)
class JdbcArchitectureTest {

  @ArchTest
  static final ArchRule dependsOnTheSpiOnly = classes()
      .that().resideInAPackage("dev.returnkit.jdbc..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "javax.sql..", "dev.returnkit.spi..", "dev.returnkit.jdbc..",
          "org.flywaydb.core..")
      .because("an adapter needs nothing but the contract; core and rules stay out");

  @ArchTest
  static final ArchRule flywayOnlyInTheSchemaClass = noClasses()
      .that().resideInAPackage("dev.returnkit.jdbc..")
      .and().doNotHaveSimpleName("ReturnkitSchema")
      .should().dependOnClassesThat().resideInAPackage("org.flywaydb..")
      .because("Flyway is optional: only ReturnkitSchema.migrate may need it");
}
