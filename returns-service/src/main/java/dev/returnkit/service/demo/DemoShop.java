package dev.returnkit.service.demo;

import dev.returnkit.core.inmemory.InMemoryCustomerNotifier;
import dev.returnkit.core.inmemory.InMemoryInventoryGateway;
import dev.returnkit.core.inmemory.InMemoryOrderLookup;
import dev.returnkit.core.inmemory.InMemoryPaymentGateway;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.inmemory.InMemoryReplacementOrders;
import dev.returnkit.core.inmemory.InMemoryReturnLogistics;
import dev.returnkit.spi.order.OrderSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The shop the service runs against in its {@code demo} profile (the default): returnkit's
 * in-memory adapters for orders, carrier, payments, inventory, notifications and the
 * replacement orders of exchanges, with a few orders of the demo customers delivered a few
 * days ago. A shop runs the service with a profile of its own and its adapters as beans
 * instead (docs/service.md).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoShop {

  /** The demo customers, who are also demo users. */
  public static final String[] CUSTOMERS = {"C-1001", "C-1002", "C-1003"};

  /**
   * The in-memory shop, with the demo orders in it.
   *
   * @param clock the application's clock
   * @return the ports
   */
  @Bean
  InMemoryPorts demoPorts(Clock clock) {
    InMemoryPorts ports = InMemoryPorts.create(clock);
    Instant now = clock.instant();
    ports.orders().put(order("O-1001", "C-1001", now)
        .line("L-1", "SKU-RAINCOAT-M", "apparel", 1, "129.00")
        .line("L-2", "SKU-TEE-WHITE-M", "apparel", 2, "19.90").build());
    ports.orders().put(order("O-1002", "C-1002", now)
        .line("L-1", "SKU-ARMCHAIR-OAK", "home", 1, "749.00").build());
    ports.orders().put(order("O-1003", "C-1003", now)
        .line("L-1", "SKU-BOOTS-42", "shoes", 2, "289.00").build());
    ports.orders().put(order("O-1004", "C-1001", now)
        .line("L-1", "SKU-LAMP-BRASS", "home", 1, "89.00").build());
    ports.orders().put(order("O-1005", "C-1002", now)
        .line("L-1", "SKU-MUG-BLUE", "kitchen", 4, "12.50").build());
    return ports;
  }

  private static OrderSnapshot.Builder order(String id, String customer, Instant now) {
    return OrderSnapshot.builder(id, customer, "EUR").placedAt(now.minus(Duration.ofDays(9)))
        .deliveredAt(now.minus(Duration.ofDays(6))).paymentReference("PAY-" + id);
  }

  @Bean
  InMemoryOrderLookup demoOrders(InMemoryPorts ports) {
    return ports.orders();
  }

  @Bean
  InMemoryReturnLogistics demoCarrier(InMemoryPorts ports) {
    return ports.logistics();
  }

  @Bean
  InMemoryPaymentGateway demoPayments(InMemoryPorts ports) {
    return ports.payments();
  }

  @Bean
  InMemoryInventoryGateway demoInventory(InMemoryPorts ports) {
    return ports.inventory();
  }

  @Bean
  InMemoryCustomerNotifier demoNotifier(InMemoryPorts ports) {
    return ports.notifier();
  }

  @Bean
  InMemoryReplacementOrders demoReplacements(InMemoryPorts ports) {
    return ports.replacements();
  }
}
