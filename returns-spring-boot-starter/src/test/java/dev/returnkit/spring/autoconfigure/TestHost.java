package dev.returnkit.spring.autoconfigure;

import dev.returnkit.core.fixtures.MutableClock;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.testing.postgres.TestSchema;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The host application of the starter's tests: a shop's adapters as beans, as a host has. */
final class TestHost {

  private TestHost() {}

  /**
   * returnkit's auto-configuration with the four required ports (in memory) and a clock as
   * beans, and no DataSource.
   */
  static ApplicationContextRunner withPorts(InMemoryPorts shop, MutableClock clock) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ReturnkitJdbcAutoConfiguration.class,
            ReturnkitObservabilityAutoConfiguration.class, ReturnkitAutoConfiguration.class))
        .withBean(OrderLookup.class, shop::orders)
        .withBean(ReturnLogistics.class, shop::logistics)
        .withBean(PaymentGateway.class, shop::payments)
        .withBean(InventoryGateway.class, shop::inventory)
        .withBean(Clock.class, () -> clock);
  }

  /** A runner with a DataSource on a schema, configured as Spring Boot's properties say. */
  static ApplicationContextRunner on(ApplicationContextRunner runner, TestSchema schema) {
    return runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + schema.jdbcUrl(),
            "spring.datasource.username=" + schema.user(),
            "spring.datasource.password=" + schema.password());
  }
}
