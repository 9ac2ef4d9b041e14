package dev.returnkit.spring.autoconfigure;

import dev.returnkit.core.Returns;
import dev.returnkit.core.fixtures.MutableClock;
import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.testing.postgres.TestSchema;
import java.time.Clock;
import java.time.Instant;
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
        .withConfiguration(AutoConfigurations.of(ReturnkitKafkaAutoConfiguration.class,
            ReturnkitJdbcAutoConfiguration.class,
            ReturnkitObservabilityAutoConfiguration.class, ReturnkitAutoConfiguration.class))
        .withBean(OrderLookup.class, shop::orders)
        .withBean(ReturnLogistics.class, shop::logistics)
        .withBean(PaymentGateway.class, shop::payments)
        .withBean(InventoryGateway.class, shop::inventory)
        .withBean(Clock.class, () -> clock);
  }

  /**
   * Puts a one-line order into the shop and requests the return of its line: a case the
   * default policies approve at once (history: request, approval).
   *
   * @param returns the facade
   * @param shop the shop's ports
   * @param at when the order was placed
   * @param orderId the order, whose customer is {@code C-<orderId>}
   * @return the case's id
   */
  static ReturnId requestOne(Returns returns, InMemoryPorts shop, Instant at, String orderId) {
    OrderSnapshot order = Orders.order(orderId, at).customer("C-" + orderId)
        .line("L-1", "SKU-1", "home", 1, "25.00").build();
    shop.orders().put(order);
    return returns.request(TestShop.request(order, RequestedLine.of(OrderLineId.of("L-1"), 1,
        ReturnReason.CHANGED_MIND, Resolution.REFUND))).id();
  }

  /** A runner with a DataSource on a schema, configured as Spring Boot's properties say. */
  static ApplicationContextRunner on(ApplicationContextRunner runner, TestSchema schema) {
    return runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + schema.jdbcUrl(),
            "spring.datasource.username=" + schema.user(),
            "spring.datasource.password=" + schema.password());
  }
}
