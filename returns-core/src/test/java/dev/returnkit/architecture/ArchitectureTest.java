package dev.returnkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.notification.CustomerNotifier;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.storage.ReturnRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The module rules of docs/architecture.md, checked on the compiled classes of returns-spi and
 * returns-core (test classes excluded).
 */
@AnalyzeClasses(packages = {"dev.returnkit.spi", "dev.returnkit.core"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule spiDependsOnlyOnTheJdkAndJakartaValidation = classes()
      .that().resideInAPackage("dev.returnkit.spi..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "jakarta.validation..", "dev.returnkit.spi..")
      .because("the SPI is the contract hosts implement; it must not drag anything in");

  @ArchTest
  static final ArchRule spiDoesNotKnowTheCore = noClasses()
      .that().resideInAPackage("dev.returnkit.spi..")
      .should().dependOnClassesThat().resideInAPackage("dev.returnkit.core..");

  @ArchTest
  static final ArchRule coreKnowsNothingOfDroolsOrJdbc = noClasses()
      .that().resideInAPackage("dev.returnkit.core..")
      .should().dependOnClassesThat()
      .resideInAnyPackage("org.drools..", "org.kie..", "java.sql..", "javax.sql..")
      .because("the core decides through interfaces; Drools and storage are adapters");

  @ArchTest
  static final ArchRule coreUsesOnlyItsDeclaredLibraries = classes()
      .that().resideInAPackage("dev.returnkit.core..")
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "jakarta.validation..", "org.hibernate.validator..",
          "org.slf4j..", "javax.crypto..", "dev.returnkit.spi..", "dev.returnkit.core..");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.returnkit.(**)")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule timeAndIdsAreInjected = noClasses()
      .that().resideInAnyPackage("dev.returnkit.core..", "dev.returnkit.spi..")
      .should().callMethod(Instant.class, "now")
      .orShould().callMethod(LocalDate.class, "now")
      .orShould().callMethod(LocalDateTime.class, "now")
      .orShould().callMethod(UUID.class, "randomUUID")
      .because("tests control time and ids through the injected Clock and ReturnIdSource");

  @ArchTest
  static final ArchRule noConsoleOutput = noClasses()
      .that().resideInAnyPackage("dev.returnkit.core..", "dev.returnkit.spi..")
      .should().accessField(System.class, "out")
      .orShould().accessField(System.class, "err")
      .because("a library logs through SLF4J");

  @ArchTest
  static final ArchRule aggregateDoesNoIo =
      aggregateMayNotTouchPorts("dev.returnkit.core.returncase..");

  /** The aggregate decides; only the facade talks to ports and logs. */
  static ArchRule aggregateMayNotTouchPorts(String packages) {
    return noClasses().that().resideInAPackage(packages)
        .should().dependOnClassesThat().belongToAnyOf(ReturnRepository.class, OrderLookup.class,
            ReturnLogistics.class, PaymentGateway.class, InventoryGateway.class,
            CustomerNotifier.class, ReturnEventPublisher.class, Logger.class)
        .because("the aggregate only decides; the Returns facade does the I/O");
  }

  @Test
  @DisplayName("the port rule does catch a class that uses ports (the facade does, by design)")
  void portRuleCanFail() {
    JavaClasses core = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.returnkit.core");
    assertThat(aggregateMayNotTouchPorts("dev.returnkit.core").evaluate(core).hasViolation())
        .isTrue();
  }
}
