package dev.returnkit.service;

import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.spi.order.OrderSnapshot;
import java.time.Clock;
import java.time.Duration;

/** Orders the service tests put into the demo shop: one line, delivered three days ago. */
public final class TestOrders {

  private TestOrders() {}

  /**
   * Puts an order into the shop.
   *
   * @param shop the demo shop's ports
   * @param clock the service's clock
   * @param id the order, paid with {@code PAY-<id>}; its line is {@code L-1} of SKU
   *     {@code SKU-<id>}
   * @param customer its customer
   * @param category the line's category
   * @param units units bought
   * @param unitPrice the price of one, e.g. {@code "49.90"} (EUR)
   * @return the order's id
   */
  public static String put(InMemoryPorts shop, Clock clock, String id, String customer,
      String category, int units, String unitPrice) {
    shop.orders().put(OrderSnapshot.builder(id, customer, "EUR")
        .placedAt(clock.instant().minus(Duration.ofDays(5)))
        .deliveredAt(clock.instant().minus(Duration.ofDays(3))).paymentReference("PAY-" + id)
        .line("L-1", "SKU-" + id, category, units, unitPrice).build());
    return id;
  }
}
