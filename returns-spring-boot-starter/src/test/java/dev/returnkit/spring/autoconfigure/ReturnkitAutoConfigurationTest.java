package dev.returnkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.Returns;
import dev.returnkit.core.fixtures.MutableClock;
import dev.returnkit.core.inmemory.InMemoryCustomerNotifier;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.inmemory.InMemoryReturnRepository;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.jdbc.JdbcJobLeases;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.jdbc.SchemaNotMigratedException;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.notification.CustomerNotifier;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.spring.jobs.ReturnkitJobs;
import dev.returnkit.testing.postgres.FreshPostgres;
import dev.returnkit.testing.postgres.TestSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The starter in a Spring Boot application")
class ReturnkitAutoConfigurationTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryPorts shop = InMemoryPorts.create(clock);

  private ApplicationContextRunner host() {
    return TestHost.withPorts(shop, clock).withPropertyValues("returnkit.jobs.enabled=false");
  }

  private static ApplicationContextRunner on(ApplicationContextRunner runner,
      TestSchema schema) {
    return TestHost.on(runner, schema);
  }

  private ReturnId requestOne(Returns returns, String orderId) {
    return TestHost.requestOne(returns, shop, clock.instant(), orderId);
  }

  @Nested
  @DisplayName("With a DataSource")
  class WithDataSource {

    @Test
    @DisplayName("migrates the schema and stores cases in PostgreSQL")
    void storesInPostgres() {
      TestSchema schema = FreshPostgres.schema();
      on(host(), schema).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(Returns.class)
            .hasSingleBean(JdbcReturnRepository.class).hasSingleBean(JdbcJobLeases.class)
            .doesNotHaveBean(JdbcOutboxRelay.class).doesNotHaveBean(ReturnkitJobs.class);
        assertThat(context.getBean(ReturnkitSchemaMigration.class).applied())
            .as("V1 to V8").isEqualTo(8);

        ReturnId id = requestOne(context.getBean(Returns.class), "O-1");

        // Read back by a repository of its own on the same schema: the case is in the database.
        assertThat(JdbcReturnRepository.create(schema.dataSource()).findById(id))
            .hasValueSatisfying(stored ->
                assertThat(stored.status()).isEqualTo(ReturnStatus.APPROVED));
      });
    }

    @Test
    @DisplayName("relays the outbox to the host's publisher, and the facade publishes nothing "
        + "itself")
    void relaysTheOutbox() {
      List<String> published = new ArrayList<>();
      ReturnEventPublisher publisher = events -> events.forEach(event ->
          published.add(event.getClass().getSimpleName()));
      on(host(), FreshPostgres.schema())
          .withBean(ReturnEventPublisher.class, () -> publisher)
          .withPropertyValues("returnkit.outbox.relay-name=test-relay")
          .run(context -> {
            JdbcOutboxRelay relay = context.getBean(JdbcOutboxRelay.class);
            assertThat(relay.name()).isEqualTo("test-relay");

            requestOne(context.getBean(Returns.class), "O-2");
            assertThat(published).as("not before the relay ran").isEmpty();

            assertThat(relay.deliverAll()).isEqualTo(2);
            assertThat(published).containsExactly("ReturnRequested", "ReturnApproved");
          });
    }

    @Test
    @DisplayName("with returnkit.jdbc.migrate=false, leaves the schema alone and fails at "
        + "start-up on a schema nobody migrated, saying how to migrate it")
    void migrationsOff() {
      TestSchema schema = FreshPostgres.schema();
      on(host(), schema).withPropertyValues("returnkit.jdbc.migrate=false").run(context -> {
        assertThat(context).hasFailed();
        assertThat(causeOf(context.getStartupFailure(), SchemaNotMigratedException.class))
            .hasMessageContaining("migrate it first with ReturnkitSchema.migrate(dataSource)");
        assertThat(tables(schema)).doesNotContain("rk_schema_history", "rk_return_case");
      });
    }

    @Test
    @DisplayName("with returnkit.jdbc.migrate=false, runs on a schema the host migrated")
    void hostMigrated() {
      TestSchema schema = FreshPostgres.schema();
      ReturnkitSchema.migrate(schema.dataSource());
      on(host(), schema).withPropertyValues("returnkit.jdbc.migrate=false").run(context -> {
        assertThat(context).hasNotFailed().doesNotHaveBean(ReturnkitSchemaMigration.class);
        ReturnId id = requestOne(context.getBean(Returns.class), "O-5");
        assertThat(context.getBean(JdbcReturnRepository.class).findById(id)).isPresent();
      });
    }

    @Test
    @DisplayName("backs off where the host has its own repository")
    void hostRepository() {
      InMemoryReturnRepository own = shop.repository();
      on(host(), FreshPostgres.schema())
          .withBean(ReturnRepository.class, () -> own)
          .run(context -> {
            assertThat(context).doesNotHaveBean(JdbcReturnRepository.class)
                .hasSingleBean(ReturnRepository.class);

            ReturnId id = requestOne(context.getBean(Returns.class), "O-3");

            assertThat(own.findById(id)).isPresent();
          });
    }
  }

  @Nested
  @DisplayName("Without a DataSource")
  class WithoutDataSource {

    @Test
    @DisplayName("runs on the host's repository, with no JDBC beans")
    void hostRepositoryOnly() {
      host().withBean(ReturnRepository.class, shop::repository).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(Returns.class)
            .doesNotHaveBean(JdbcReturnRepository.class).doesNotHaveBean(JdbcJobLeases.class)
            .doesNotHaveBean(ReturnkitSchemaMigration.class);
        ReturnId id = requestOne(context.getBean(Returns.class), "O-4");
        assertThat(shop.repository().findById(id)).isPresent();
      });
    }

    @Test
    @DisplayName("hands the host's optional beans to Returns: notifier, publisher, service "
        + "levels, ids")
    void optionalBeans() {
      InMemoryCustomerNotifier notifier = new InMemoryCustomerNotifier();
      List<String> published = new ArrayList<>();
      ReturnEventPublisher publisher = events -> events.forEach(event ->
          published.add(event.type().name()));
      ServiceLevels slow = new ServiceLevels(Duration.ofDays(2), Duration.ofDays(5),
          Duration.ofDays(10), Duration.ofDays(3), Duration.ofDays(1));
      host().withBean(ReturnRepository.class, shop::repository)
          .withBean(CustomerNotifier.class, () -> notifier)
          .withBean(ReturnEventPublisher.class, () -> publisher)
          .withBean(ServiceLevels.class, () -> slow)
          .withBean(ReturnIdSource.class, () -> ReturnIdSource.sequential("SHOP-"))
          .run(context -> {
            ReturnId id = requestOne(context.getBean(Returns.class), "O-6");

            assertThat(id.value()).startsWith("SHOP-");
            assertThat(shop.repository().findById(id).orElseThrow().dueAt())
                .as("five days to arrange the shipment").isEqualTo(NOW.plus(Duration.ofDays(5)));
            assertThat(notifier.templatesFor(id)).isNotEmpty();
            assertThat(published).containsExactly("RETURN_REQUESTED", "RETURN_APPROVED");
          });
    }

    @Test
    @DisplayName("fails at start-up naming the type of every port it has no bean of")
    void missingPorts() {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ReturnkitJdbcAutoConfiguration.class,
              ReturnkitAutoConfiguration.class))
          .withBean(PaymentGateway.class, shop::payments)
          .withBean(InventoryGateway.class, shop::inventory)
          .run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returnkit needs a bean of each of these types: "
                    + "dev.returnkit.spi.storage.ReturnRepository, "
                    + "dev.returnkit.spi.order.OrderLookup, "
                    + "dev.returnkit.spi.logistics.ReturnLogistics (");
          });
    }

    @Test
    @DisplayName("uses the host's own Returns and DroolsPolicies instead of making them")
    void hostBeans() {
      DroolsPolicies own = DroolsPolicies.builder().setting("restocking-fee.percent", "7")
          .build();
      Returns ownReturns = shop.wire(Returns.builder()).policies(own.policies()).clock(clock)
          .build();
      host().withBean(ReturnRepository.class, shop::repository)
          .withBean(DroolsPolicies.class, () -> own)
          .withBean(Returns.class, () -> ownReturns)
          .run(context -> {
            assertThat(context.getBean(DroolsPolicies.class)).isSameAs(own);
            assertThat(context.getBean(Returns.class)).isSameAs(ownReturns);
          });
    }
  }

  @Nested
  @DisplayName("The policies")
  class Policies {

    @TempDir
    Path directory;

    @Test
    @DisplayName("come from the rule directory, the settings file and properties, in that order")
    void fromProperties() throws IOException {
      Files.writeString(directory.resolve("policy-settings.properties"),
          "restocking-fee.percent = 5\nopen-box.markdown-percent = 30\n");
      Path settingsFile = directory.resolve("../shop-settings.properties").normalize();
      Files.writeString(settingsFile, "open-box.markdown-percent = 35\n"
          + "store-credit.bonus-percent = 10\n");

      host().withBean(ReturnRepository.class, shop::repository)
          .withPropertyValues("returnkit.rules.directory=" + directory,
              "returnkit.rules.settings-file=" + settingsFile,
              "returnkit.rules.settings[store-credit.bonus-percent]=12",
              "returnkit.rules.disabled=eligibility/high-return-rate")
          .run(context -> {
            DroolsPolicies policies = context.getBean(DroolsPolicies.class);
            assertThat(policies.settings().restockingFeePercent()).isEqualByComparingTo("5");
            assertThat(policies.settings().openBoxMarkdownPercent()).isEqualByComparingTo("35");
            assertThat(policies.settings().storeCreditBonusPercent())
                .isEqualByComparingTo("12");
            assertThat(policies.disabledRules()).containsExactly("eligibility/high-return-rate");
          });
      Files.delete(settingsFile);
    }

    @Test
    @DisplayName("with reload=on-change, are read again when a file changes; a broken change "
        + "leaves the rules in force")
    void reloadOnChange() throws Exception {
      Path settings = directory.resolve("policy-settings.properties");
      Files.writeString(settings, "restocking-fee.percent = 5\n");

      host().withBean(ReturnRepository.class, shop::repository)
          .withPropertyValues("returnkit.jobs.enabled=true", "returnkit.expiry.enabled=false",
              "returnkit.rules.directory=" + directory, "returnkit.rules.reload=on-change",
              "returnkit.rules.check-interval=50ms")
          .run(context -> {
            DroolsPolicies policies = context.getBean(DroolsPolicies.class);
            assertThat(context.getBean(ReturnkitJobs.class).names())
                .containsExactly("policy-files");
            assertThat(policies.settings().restockingFeePercent()).isEqualByComparingTo("5");

            Files.writeString(settings, "restocking-fee.percent = 9\n");
            awaitTrue(() -> policies.settings().restockingFeePercent()
                .compareTo(new BigDecimal("9")) == 0);

            Files.writeString(directory.resolve("broken.drl"), "rule \"half\" when then");
            Files.writeString(settings, "restocking-fee.percent = 11\n");
            Thread.sleep(500);
            assertThat(policies.settings().restockingFeePercent())
                .as("the directory no longer builds: the rules in force stay")
                .isEqualByComparingTo("9");

            Files.delete(directory.resolve("broken.drl"));
            Files.writeString(settings, "restocking-fee.percent = 13\n");
            awaitTrue(() -> policies.settings().restockingFeePercent()
                .compareTo(new BigDecimal("13")) == 0);
          });
    }
  }

  /** Waits up to ten seconds for a condition that a background job makes true. */
  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true after ten seconds");
      }
      Thread.sleep(20);
    }
  }

  private static Throwable causeOf(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return cause;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static List<String> tables(TestSchema schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = schema.dataSource().getConnection();
        ResultSet rows = connection.getMetaData().getTables(null, schema.name(), "%",
            new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
